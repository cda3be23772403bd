// Recursive async functions: each level awaits the next; order of side effects is deterministic.
const log = [];
async function countdown(n) {
  log.push(`enter ${n}`);
  if (n === 0) return 'liftoff';
  await null;
  const r = await countdown(n - 1);
  log.push(`exit ${n}`);
  return r;
}
console.log(await countdown(3));
console.log(log.join(' '));

async function sumTree(node) {
  if (!node) return 0;
  const [l, r] = await Promise.all([sumTree(node.left), sumTree(node.right)]);
  return node.value + l + r;
}
const tree = { value: 1, left: { value: 2, left: { value: 4 } }, right: { value: 3, right: { value: 5 } } };
console.log('tree sum:', await sumTree(tree));

async function deep(n) {
  return n === 0 ? 'deep bottom' : deep(n - 1);
}
console.log('async depth 1000:', await deep(1000));

async function retry(fn, attempts) {
  try {
    return await fn(attempts);
  } catch (e) {
    if (attempts <= 1) throw e;
    return retry(fn, attempts - 1);
  }
}
const seen = [];
const flaky = async (n) => {
  seen.push(n);
  if (n > 2) throw new Error(`attempt ${n} failed`);
  return `succeeded at ${n}`;
};
console.log(await retry(flaky, 5), '| attempts:', seen.join(','));
console.log('done');
