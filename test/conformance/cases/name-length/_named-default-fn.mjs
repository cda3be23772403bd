export default function namedDefault() {}
export const exportedArrow = () => {};
export function exportedDecl(a) {}
const local = function () {};
export { local as renamedExport };
