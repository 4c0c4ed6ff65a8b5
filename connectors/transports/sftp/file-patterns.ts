// Glob to regex: `*` any run, `?` one character, `[...]` a class; everything else literal.
function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob.charAt(i);
    if (c === '*') source += '.*';
    else if (c === '?') source += '.';
    else if (c === '[' && glob.indexOf(']', i + 1) > i) {
      const end = glob.indexOf(']', i + 1);
      source += `[${glob
        .slice(i + 1, end)
        .replace(/^!/, '^')
        .replace(/\\/g, '\\\\')}]`;
      i = end;
    } else source += c.replace(/[.+^${}()|\\/]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** A pattern written `/.../flags` is a regular expression; anything else is a glob. */
export function toRegExp(pattern: string): RegExp {
  const regex = /^\/(.+)\/([a-z]*)$/.exec(pattern);
  return regex ? new RegExp(regex[1], regex[2]) : globToRegExp(pattern);
}

/** True for names matching one of `take` and none of `ignore`; dot-files never match. */
export function fileNameFilter(take: string[], ignore: string[]): (name: string) => boolean {
  const yes = take.map(toRegExp);
  const no = ignore.map(toRegExp);
  return (name) =>
    !name.startsWith('.') && yes.some((r) => r.test(name)) && !no.some((r) => r.test(name));
}
