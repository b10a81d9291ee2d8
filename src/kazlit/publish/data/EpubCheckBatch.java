// Runs EPUBCheck on several EPUB files in one Java process (EPUBCheck's own API),
// writing one JSON report per file, the same JSON that `epubcheck --json` writes.
// Usage: java -cp epubcheck.jar EpubCheckBatch.java EPUB JSON [EPUB JSON ...]
// Part of kazlit (GPL-3.0-or-later).
import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.reporting.CheckingReport;
import com.adobe.epubcheck.util.ReportingLevel;
import java.io.File;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

public class EpubCheckBatch {
    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args.length % 2 != 0) {
            System.err.println("usage: EpubCheckBatch EPUB JSON [EPUB JSON ...]");
            System.exit(2);
        }
        for (int i = 0; i < args.length; i += 2) {
            try (PrintWriter out = new PrintWriter(new OutputStreamWriter(
                    new FileOutputStream(args[i + 1]), StandardCharsets.UTF_8))) {
                CheckingReport report = new CheckingReport(out, args[i]);
                report.setReportingLevel(ReportingLevel.Usage);
                report.initialize();
                new EpubCheck(new File(args[i]), report).doValidate();
                report.generate();
            }
        }
    }
}
