/** Where a project keeps its sources: the folders and files Clarion reads. */
export const STATEMENTS_DIR = 'statements';
export const TEMPLATES_DIR = 'templates';
export const ORGANIZATION_FILE = `${STATEMENTS_DIR}/organization.yaml`;
