import type { DecodedMessage } from '../../core/translation/contract';
import type { CebMessage } from '../../mappings/codecs/cn-customs/ceb-types';
import type { EdifactMessage } from '../../mappings/codecs/edifact';
import type { Iso20022Tree } from '../../mappings/codecs/iso20022/iso20022-types';
import type { MtMessage } from '../../mappings/codecs/swift-mt/mt.types';
import type { XmlDocument } from '../../mappings/codecs/xml/xml-parse';
import type { XmlElement } from '../../mappings/codecs/xml/xml-tree';
import type { X12Message, X12Node } from '../../mappings/codecs/x12';

const MAX_ITEMS = 24;

/** 'UNH BGM DTM×2 NAD×3' : repeats folded, long lists cut with '…'. */
export function runLength(names: readonly string[]): string {
  const runs: Array<[string, number]> = [];
  for (const name of names) {
    const last = runs[runs.length - 1];
    if (last && last[0] === name) last[1]++;
    else runs.push([name, 1]);
  }
  const shown = runs.slice(0, MAX_ITEMS).map(([n, c]) => (c > 1 ? `${n}×${c}` : n));
  return shown.join(' ') + (runs.length > MAX_ITEMS ? ' …' : '');
}

const plural = (n: number, word: string, words = `${word}s`) => `${n} ${n === 1 ? word : words}`;

function x12Tags(nodes: readonly X12Node[]): string[] {
  return nodes.flatMap((n) => ('tag' in n ? [n.tag] : x12Tags(n.nodes)));
}

function iso(tree: Iso20022Tree): string {
  switch (tree.kind) {
    case 'camt': {
      const entries = tree.statements.reduce((sum, s) => sum + s.entries.length, 0);
      return `${tree.version} ${tree.groupHeader.msgId}: ${plural(tree.statements.length, 'statement')}, ${plural(entries, 'entry', 'entries')}`;
    }
    case 'pain.002': {
      const txs = tree.payments.reduce((sum, p) => sum + p.transactions.length, 0);
      return `${tree.version} ${tree.groupHeader.msgId}: group status ${tree.original.groupStatus ?? '-'}, ${plural(tree.payments.length, 'payment')}, ${plural(txs, 'transaction')}`;
    }
    case 'other':
      return `${tree.version}: ${elementNames(tree.document)}`;
  }
}

function ceb(tree: CebMessage): string {
  const blocks = Object.entries(tree.business).map(([name, list]) =>
    list.length > 1 ? `${name}×${list.length}` : name,
  );
  return `${tree.messageType} guid ${tree.guid}: ${blocks.join(' ')}${tree.envelope ? ' (in DXP envelope)' : ''}`;
}

function elementNames(element: XmlElement): string {
  const children = element.elements();
  return `<${element.local}> ${runLength(children.map((c) => c.local))}`.trim();
}

function json(tree: unknown): string {
  if (Array.isArray(tree)) return `array of ${plural(tree.length, 'item')}`;
  if (tree && typeof tree === 'object') return `object {${runLength(Object.keys(tree))}}`;
  return `${typeof tree} value`;
}

/**
 * One line describing a decoded syntax tree: segment tags, fields or elements, so a message
 * without a mapping still shows what the codec read.
 */
export function summarizeTree(message: DecodedMessage): string {
  const tree = message.tree;
  switch (message.detection.format) {
    case 'edifact': {
      const m = tree as EdifactMessage;
      return `${plural(m.segments.length, 'segment')}: ${runLength(m.segments.map((s) => s.tag))}`;
    }
    case 'x12': {
      const tags = x12Tags((tree as X12Message).set.body);
      return `${plural(tags.length + 2, 'segment')}: ST ${runLength(tags)} SE`;
    }
    case 'swift-mt': {
      const fields = (tree as MtMessage).fields;
      return `${plural(fields.length, 'field')}: ${runLength(fields.map((f) => `:${f.tag}:`))}`;
    }
    case 'iso20022':
      return iso(tree as Iso20022Tree);
    case 'cn-customs':
      return ceb(tree as CebMessage);
    case 'xml':
      return elementNames((tree as XmlDocument).root);
    case 'json':
      return json(tree);
  }
}

/**
 * What the codec accepted with a warning: EDIFACT envelope discrepancies under lenient checks,
 * X12 control-number mismatches counted as warnings, SWIFT deviations tolerated.
 */
export function syntaxWarnings(message: DecodedMessage): string[] {
  const tree = message.tree;
  switch (message.detection.format) {
    case 'edifact': {
      const m = tree as EdifactMessage;
      return [...m.warnings, ...(m.interchange?.warnings ?? [])];
    }
    case 'x12':
      return (tree as X12Message).set.issues
        .filter((i) => i.severity === 'warning')
        .map((i) => i.message);
    case 'swift-mt':
      return (tree as MtMessage).issues.map((i) => i.message);
    case 'iso20022':
    case 'cn-customs':
    case 'xml':
    case 'json':
      return [];
  }
}
