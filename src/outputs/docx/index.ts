export { writeDocx, type SubmissionDocument } from './write-docx.ts';
