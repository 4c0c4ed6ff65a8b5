/**
 * The last segment and the last ISA of an X12 file, split into elements; undefined when cut.
 * ISA is fixed width, so its 4th character is the element separator and its 106th the segment
 * terminator.
 */
function closing(body: Buffer): { last: string[]; isa?: string[] } | undefined {
  const text = body.toString('latin1');
  const start = text.indexOf('ISA');
  if (start < 0 || text.length < start + 106) return undefined;
  const element = text.charAt(start + 3);
  const terminator = text.charAt(start + 105);
  const segments = text
    .slice(start)
    .split(terminator)
    .map((seg) => seg.trim())
    .filter(Boolean);
  // A terminator that is not whitespace must close the last segment, or it is cut.
  if (!/\s/.test(terminator) && !text.trimEnd().endsWith(terminator)) return undefined;
  const last = segments.at(-1)?.split(element) ?? [];
  const isa = segments.findLast((seg) => seg.startsWith(`ISA${element}`))?.split(element);
  return { last, isa };
}

/**
 * True when an X12 file is completely written: its last segment is IEA with the control
 * number (IEA02) of the last ISA (ISA13).
 */
export function x12Complete(body: Buffer): boolean {
  const end = closing(body);
  return (
    end?.last[0] === 'IEA' && end.isa !== undefined && end.last[2]?.trim() === end.isa[13]?.trim()
  );
}

/** True when the file ends with a terminated IEA, whatever its control number says. */
export function x12Ends(body: Buffer): boolean {
  return closing(body)?.last[0] === 'IEA';
}
