// Types for the parts of the `edifact` package (node-edifact) that tests and the benchmark use
// as the reference: its Reader (segments as { name, elements }) and its SAX-style Parser.
declare module 'edifact/reader' {
  export default class Reader {
    constructor(config?: { autoDetectEncoding?: boolean });
    parse(document: string): Array<{ name: string; elements: string[][] }>;
  }
}

declare module 'edifact/parser' {
  export default class Parser {
    constructor(validator?: unknown, config?: Record<string, number>);
    onopensegment: (segment: string) => void;
    onelement: () => void;
    oncomponent: (value: string) => void;
    onclosesegment: () => void;
    write(chunk: string): void;
    end(): void;
  }
}
