const TAG = /<(\/?)([\w.:-]+)[^>]*?(\/?)>/g;

/**
 * The XPath (local names, 1-based positions) of the element that starts on `line` of a
 * document, for turning xmllint's line-numbered errors into a field path. TradeHub writes one
 * element per line, so the line names the element.
 */
export function xpathAtLine(xml: string, line: number): string | undefined {
  const stack: Array<{ name: string; counts: Map<string, number>; path: string }> = [
    { name: '', counts: new Map(), path: '' },
  ];
  let current = 1;
  let last = 0;
  for (const m of xml.matchAll(TAG)) {
    if (m[0].startsWith('<?') || m[0].startsWith('<!')) continue;
    for (let i = last; i < m.index; i++) if (xml.charCodeAt(i) === 10) current++;
    last = m.index;
    const local = m[2].replace(/^[\w.-]+:/, '');
    if (m[1] === '/') {
      stack.pop();
      continue;
    }
    const parent = stack[stack.length - 1];
    const n = (parent.counts.get(local) ?? 0) + 1;
    parent.counts.set(local, n);
    const path = `${parent.path}/${local}${n > 1 || stack.length > 1 ? `[${n}]` : ''}`;
    if (current === line) return path;
    if (m[3] !== '/') stack.push({ name: local, counts: new Map(), path });
  }
  return undefined;
}
