// An exported class binding can be reassigned inside its module; importers see the new class.
import { Shape, upgrade, version, bumpVersion } from './_live-class.mjs';

const before = new Shape();
console.log('before:', Shape.name, before.area(), 'version', version);
upgrade();
bumpVersion();
const after = new Shape(3);
console.log('after:', Shape.name, after.area(), 'version', version);
console.log('old instance still from the original class:', before instanceof Shape, Object.getPrototypeOf(Shape).name);
console.log('done');
