/** A small YAML file whose aliases expand to 9^6 (531,441) nodes. */
export function aliasBombYaml(): string {
  const lines = ['a: &a [x, x, x, x, x, x, x, x, x]'];
  const names = ['a', 'b', 'c', 'd', 'e', 'f'];
  for (const [i, name] of names.slice(1).entries()) {
    lines.push(`${name}: &${name} [${Array(9).fill(`*${names[i]}`).join(', ')}]`);
  }
  return `${lines.join('\n')}\n`;
}
