/**
 * Declarative message structures in the spirit of bots' grammars. A structure is written as
 * indented text, one entry per line: `TAG M1` (segment, mandatory, max 1), `SG4 C99` (group,
 * conditional, max 99) followed by its entries indented two more spaces; `#` starts a note.
 */
export interface SegmentRule {
  kind: 'segment';
  tag: string;
  mandatory: boolean;
  max: number;
}

export interface GroupRule {
  kind: 'group';
  id: string;
  trigger: string;
  mandatory: boolean;
  max: number;
  children: Rule[];
}

export type Rule = SegmentRule | GroupRule;

export interface MessageStructure {
  messageType: string;
  /** Directory versions the structure was written from, e.g. 'D.96A + D.00B'. */
  basis: string;
  rules: Rule[];
}

const LINE = /^( *)([A-Z][A-Z0-9]{2}|SG\d+x?) ([MC])(\d+)\s*(?:#.*)?$/;

export function defineStructure(
  messageType: string,
  basis: string,
  text: string,
): MessageStructure {
  const root: Rule[] = [];
  const stack: Array<{ depth: number; rules: Rule[] }> = [{ depth: -1, rules: root }];
  text.split('\n').forEach((raw, n) => {
    if (raw.trim() === '' || raw.trim().startsWith('#')) return;
    const m = LINE.exec(raw.replace(/\s+$/, ''));
    if (!m) throw new Error(`${messageType} structure line ${n + 1}: cannot read "${raw}"`);
    const depth = m[1].length / 2;
    while (stack[stack.length - 1].depth >= depth) stack.pop();
    const mandatory = m[3] === 'M';
    const max = Number(m[4]);
    const parent = stack[stack.length - 1].rules;
    if (/^SG\d+x?$/.test(m[2])) {
      const group: GroupRule = {
        kind: 'group',
        id: m[2],
        trigger: '',
        mandatory,
        max,
        children: [],
      };
      parent.push(group);
      stack.push({ depth, rules: group.children });
    } else {
      parent.push({ kind: 'segment', tag: m[2], mandatory, max });
    }
  });
  resolveTriggers(root, messageType);
  return { messageType, basis, rules: root };
}

function resolveTriggers(rules: Rule[], messageType: string): void {
  for (const rule of rules) {
    if (rule.kind !== 'group') continue;
    const first = rule.children[0];
    if (first?.kind !== 'segment' || !first.mandatory || first.max !== 1) {
      throw new Error(`${messageType} ${rule.id}: a group must start with a mandatory segment`);
    }
    rule.trigger = first.tag;
    resolveTriggers(rule.children, messageType);
  }
}

/** The tag that opens an entry: the segment's own tag or the group's trigger. */
export function leadTag(rule: Rule): string {
  return rule.kind === 'segment' ? rule.tag : rule.trigger;
}
