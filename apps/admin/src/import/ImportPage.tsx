// Placeholder: data import (owned by the import feature; replace freely).
export function ImportPage() {
  return <p data-testid="import-placeholder">Import</p>;
}
