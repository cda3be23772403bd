export default async function (x) {
  await null;
  return `async default got ${x}`;
}
