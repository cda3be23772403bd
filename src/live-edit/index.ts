/*
 * LiveEdit: preparing functions of a script that runs already, in place, over V8's
 * `Debugger.setScriptSource` through an in-process inspector session (`debugger.ts`). V8 keeps
 * the running program: module state, closures and objects stay, and an edited function runs
 * the new code from its next call on, closures made before the edit included.
 *
 * Who edits:
 * - A process started with `kheiron/register` and Phase II at attach: the loader hands V8 the
 *   original text and records it; `attach-time.ts` edits a function in when a rule first
 *   targets it and back out when its last hook is detached, synchronously (on the main thread
 *   the inspector answers before `post` returns). The loader imports that file and
 *   `available.ts` directly, which load the parser and the diff only with the first edit.
 * - A process started without Kheiron, after `kheiron attach --allow-inspector`: before each
 *   request that selects functions, `unprepared.ts` edits every script of the application
 *   parsed since the last request (not `node_modules`, not Kheiron).
 *
 * The steps of an edit:
 * 1. Plan (`plan.ts`, or the loader's `ParsedModule` at attach). The script V8 runs is read
 *    back and parsed; each function gets the transform's in-place shape ('live-edit' mode),
 *    whose text stays inside the function: no shadow and no reentry, which would name the
 *    function from the code around it and so change a surrounding scope. Left out at once:
 *    an arrow with an expression body (its end would move) and a class constructor (V8 maps
 *    it by the whole class's text).
 * 2. Check against V8's diff (`v8-diff.ts`, `boundaries.ts`). V8 maps the functions of the
 *    old script onto the new one by its own diff of the two texts (lines, then characters
 *    inside changed runs shorter than 800 characters). A function literal whose start or end
 *    falls inside a change, or moves otherwise than the edit moved it, is damaged: V8 leaves
 *    its closures on the old code and reports nothing (`misplaced`). A few padded texts of a
 *    function's edit are tried (`VARIANTS`); a function edited together with one that
 *    encloses it is damaged too, so nested functions are edited in separate edits (the inner
 *    one preferred without Kheiron, the outer one first at attach).
 * 3. Dry-run, then apply. V8 refuses an edit, whole, when a function it changes is on the
 *    stack (`BlockedByActiveFunction`), has a suspended activation (an async function
 *    awaiting, a generator: `BlockedByActiveGenerator`), or the change reaches an ES module's
 *    top level (`BlockedByTopLevelEsModuleChange`). The candidates are narrowed down (all,
 *    by outermost function, by function) and what passes is applied in one edit; a function
 *    left out for its diff is tried again in a later edit (up to four without Kheiron). The
 *    registry entries and dormant slots of the edited functions exist before the swap.
 * 4. Fall back. A refused function keeps its original code. With Kheiron, it is reported as
 *    unreachable with V8's reason and tried again by the next rule that targets it; without,
 *    an exported function of a CommonJS module (or a method of an exported class) is patched
 *    on its exports object (`export-patch.ts`), and the rest is reported per rule
 *    (`Unreached`), under the function's name and line in the module's source. A refusal for
 *    an activation is tried again, less and less often (`unprepared.ts`); when it passes,
 *    the patch gives way to the edit (`ReachablePatcher.yieldCovered`).
 */
export { ReachablePatcher } from './export-patch.js';
export { LiveEditor, type Unreached } from './unprepared.js';
