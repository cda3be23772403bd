let source = 'original';
export default source;
export function setDefaultSource(v) {
  source = v;
}
export function getDefaultSource() {
  return source;
}
