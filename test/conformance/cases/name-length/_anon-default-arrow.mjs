export default (x, y, z) => [x, y, z];
