export default async function* () {
  yield 'first';
  await null;
  yield 'second';
}
