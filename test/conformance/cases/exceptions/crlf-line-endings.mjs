// This file uses CRLF line endings on purpose: line numbers in stacks must still match.
const FILE = import.meta.url.slice(import.meta.url.lastIndexOf('/') + 1);
const frames = (e) =>
  e.stack
    .split('\n')
    .filter((l) => l.includes(FILE))
    .map((l) => l.match(/([\w.-]+):(\d+):\d+\)?$/).slice(1, 3).join(':'));

function parseRecord(line) {
  const [key, value] = line.split('=');
  if (value === undefined) {
    throw new SyntaxError(`missing '=' in ${JSON.stringify(line)}`);
  }
  return { key, value };
}

const parseAll = (text) =>
  text
    .split(';')
    .map((l) => parseRecord(l));

for (const input of ['a=1;b=2', 'a=1;broken']) {
  try {
    console.log(JSON.stringify(parseAll(input)));
  } catch (e) {
    console.log(`${e.constructor.name}: ${e.message}`);
    console.log(frames(e).join(' <- '));
  }
}
const multiLineTemplate = `first
second
third`;
console.log('template keeps LF inside (CRLF normalized in templates):', JSON.stringify(multiLineTemplate));
console.log('done');
