/**
 * A PDF of the PDF format: printed by the browser's owner (print/), then given the document
 * information of the statement it prints (stamp-metadata.ts), which makes it byte-for-byte
 * reproducible.
 */
import { PrintError } from '../../print/print-error.ts';
import type { Printer, PrintJob, PrintResult } from '../../print/printer.ts';
import { firstLine } from '../../util/first-line.ts';
import { stampMetadata, type PdfMetadata } from './stamp-metadata.ts';

export interface PdfJob extends PrintJob {
  metadata: PdfMetadata;
}

export async function printPdf(printer: Printer, job: PdfJob): Promise<PrintResult> {
  const printed = await printer.print(job);
  try {
    return { pdf: await stampMetadata(printed.pdf, job.metadata), warnings: printed.warnings };
  } catch (error) {
    throw new PrintError(job.label, `${job.label} could not be printed: ${firstLine(error)}`);
  }
}
