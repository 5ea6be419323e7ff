import { SchemeEditor } from '../modules/tiering/SchemeEditor';

const noReload = async () => undefined;

/** A new tier scheme, with the live preview from the first keystroke. */
export default function NewTierSchemePage() {
  return <SchemeEditor scheme={null} onReload={noReload} />;
}
