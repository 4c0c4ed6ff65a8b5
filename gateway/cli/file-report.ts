import type { Detection } from '../../core/translation/contract';
import { describeIssue, type FileIssue, type FileMessage, type FileResult } from './file-result';
import { pushAll } from '../../core/collections';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** 'UN/EDIFACT D.00B IFTSTA (edifact)'; 'ISO 20022 camt.053.001.02 (iso20022)'. */
export function describeDetection(d: Detection | undefined): string {
  if (!d) return 'unrecognised format';
  // ISO 20022 versions already name the message type (camt.053.001.02).
  const type = d.messageType && !d.version?.startsWith(d.messageType) ? d.messageType : undefined;
  return `${[d.standard, d.version, type].filter(Boolean).join(' ')} (${d.format})`;
}

function indent(text: string, by: string): string[] {
  return text.split('\n').map((line) => by + line);
}

function messageLines(m: FileMessage): string[] {
  const head = `  message ${m.index + 1}${m.ref ? ` (ref ${m.ref})` : ''}`;
  if (!m.mappingId) return [`${head}: no mapping; ${m.tree}`];
  const lines = [`${head}: ${m.mappingId} -> ${plural(m.documents.length, 'document')}`];
  for (const doc of m.documents) {
    lines.push(
      `    ${doc.documentType} (${doc.eventType})${doc.occurredAt ? ` at ${doc.occurredAt}` : ''}`,
    );
    pushAll(lines, indent(JSON.stringify(doc.payload, null, 2), '      '));
  }
  for (const warning of m.warnings) lines.push(`    warning: ${warning}`);
  return lines;
}

function errorLine(e: FileIssue): string {
  const which = e.messageIndex !== undefined ? ` [message ${e.messageIndex + 1}]` : '';
  return `  error${which}: ${describeIssue(e)}`;
}

/** Human-readable report of one file: what it is, its messages (documents or tree), errors. */
export function renderFileReport(r: FileResult): string[] {
  const count = r.parsed
    ? `, ${plural(r.messageCount, 'message')}`
    : r.detection
      ? ', not parsed'
      : '';
  const lines = [`${r.file}: ${describeDetection(r.detection)}${count}`];
  if (r.lenientBecause)
    lines.push(`  parsed leniently; strict: ${describeIssue(r.lenientBecause)}`);
  for (const warning of r.syntaxWarnings) lines.push(`  syntax warning: ${warning}`);
  for (const m of r.messages) pushAll(lines, messageLines(m));
  for (const e of r.errors) lines.push(errorLine(e));
  return lines;
}
