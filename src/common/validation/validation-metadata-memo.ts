import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type Metadatas = ReturnType<Storage['getTargetValidationMetadatas']>;
type Grouped = ReturnType<Storage['groupByPropertyName']>;

const memoized = new WeakSet<Storage>();

/**
 * class-validator looks a class's validation rules up again for every object it validates, scanning every class it
 * knows (an `instanceof` test each, arrays built on the way), and groups them by property again: for a lesson's PUT
 * with 30 marks that is ~300 KB of garbage and ~0.2 ms of CPU per request, and the garbage collections it brings
 * pause whatever the process does next. The rules are registered by decorators while the DTO classes load and never
 * change afterwards, so both answers are kept per class (and schema, groups, options) — and forgotten whenever a
 * rule is added, so a class declared later is seen as before. The kept answers are only read by class-validator
 * (ValidationExecutor builds new arrays and errors from them). Installed once per storage by createValidationPipe.
 */
export function memoizeValidationMetadata(storage: Storage = getMetadataStorage()): void {
  if (memoized.has(storage)) return;
  memoized.add(storage);
  let targets = new Map<unknown, Map<string, Metadatas>>();
  let grouped = new WeakMap<Metadatas, Grouped>();
  const forget = () => {
    targets = new Map();
    grouped = new WeakMap();
  };
  const lookup = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  const addValidation = storage.addValidationMetadata.bind(storage);
  const addConstraint = storage.addConstraintMetadata.bind(storage);
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema ?? ''}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0001') ?? '\u0002'}`;
    let byKey = targets.get(target);
    if (byKey === undefined) targets.set(target, (byKey = new Map()));
    let found = byKey.get(key);
    if (found === undefined) byKey.set(key, (found = lookup(target, schema, always, strictGroups, groups)));
    return found;
  };
  storage.groupByPropertyName = (metadatas) => {
    let found = grouped.get(metadatas);
    if (found === undefined) grouped.set(metadatas, (found = group(metadatas)));
    return found;
  };
  storage.addValidationMetadata = (metadata) => {
    forget();
    addValidation(metadata);
  };
  storage.addConstraintMetadata = (metadata) => {
    forget();
    addConstraint(metadata);
  };
}
