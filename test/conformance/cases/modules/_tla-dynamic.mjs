export const asyncValue = await (async () => {
  await null;
  return 'resolved in dynamically imported module';
})();
