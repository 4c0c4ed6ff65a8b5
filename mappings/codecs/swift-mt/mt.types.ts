/** Block 1: basic header, e.g. F01BANKBEBBAXXX0000000000. */
export interface MtBasicHeader {
  raw: string;
  /** F (FIN), A (GPA), L (login). */
  applicationId: string;
  /** 01 user message, 21 ACK/NAK. */
  serviceId: string;
  /** 12-character logical terminal: BIC8 + terminal code + branch. */
  logicalTerminal: string;
  sessionNumber: string;
  sequenceNumber: string;
}

/** Block 2: application header, input (I) or output (O). */
export interface MtApplicationHeader {
  raw: string;
  direction: 'I' | 'O';
  /** Three digits, e.g. '940'. */
  messageType: string;
  /** Input: the receiver's logical terminal; output: the sender's (from the MIR). */
  counterpartAddress: string;
  priority?: string;
  deliveryMonitoring?: string;
  obsolescencePeriod?: string;
  /** Output only: sender's input time HHMM, message input reference date, session and sequence. */
  inputTime?: string;
  mirDate?: string;
  mirSession?: string;
  mirSequence?: string;
  /** Output only: the receiver's output date YYMMDD and time HHMM. */
  outputDate?: string;
  outputTime?: string;
  /** True for bank exports that shorten output block 2 to O + type + address [+ priority]. */
  abbreviated?: boolean;
}

/** One {tag:value} of block 3, block 5, or a system block 4. */
export interface MtTag {
  tag: string;
  value: string;
}

/** One block 4 field. `value` keeps the text as sent, lines joined with '\n'. */
export interface MtField {
  /** Number and option letter, e.g. '61', '60F', '50K'. */
  tag: string;
  value: string;
  /** 1-based line of the field's tag in the input. */
  line: number;
  /** Sub-fields, for the tags the codec knows (see fields/). */
  parsed?: unknown;
}

export interface MtIssue {
  fieldTag?: string;
  line?: number;
  message: string;
}

export interface MtAcknowledgement {
  /** 'ACK' when tag 451 is 0, 'NAK' otherwise. */
  status: 'ACK' | 'NAK';
  block1: MtBasicHeader;
  tags: MtTag[];
}

export interface MtMessage {
  /** 'fin': {1:}..{5:} blocks; 'bare': block 4 text only, as banks export .sta files. */
  framing: 'fin' | 'bare';
  /** 'MT940' from block 2, a bank export header, or inferred from the fields. */
  messageType?: string;
  block1?: MtBasicHeader;
  block2?: MtApplicationHeader;
  block3?: MtTag[];
  fields: MtField[];
  block5?: MtTag[];
  /** ACK/NAK service message delivered together with this message. */
  acknowledgement?: MtAcknowledgement;
  /** Bare exports: header lines before the first field (e.g. 'ABNANL2A', '940'). */
  preamble: string[];
  /** Bare exports: text after '-' on the closing line; null when the message has no '-' line. */
  trailer: string | null;
  lineEnding: '\r\n' | '\n';
  /** Deviations tolerated (over-long lines, references over 16x ...). */
  issues: MtIssue[];
}
