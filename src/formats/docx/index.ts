export { writeDocx, type WordDocument } from './write-docx.ts';
