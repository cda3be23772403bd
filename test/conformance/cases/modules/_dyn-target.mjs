export let loads = 0;
loads++;
export function greet(name) {
  return `hello ${name} from dynamically imported module`;
}
export default function () {
  return 'dynamic default';
}
