package dev.xiaoer.knowledge.web;

import dev.xiaoer.identity.Actor;
import dev.xiaoer.kernel.CursorPage;
import dev.xiaoer.knowledge.ImportId;
import dev.xiaoer.knowledge.ImportKind;
import dev.xiaoer.knowledge.ImportStatus;
import dev.xiaoer.knowledge.KnowledgeExports;
import dev.xiaoer.knowledge.KnowledgeImport;
import dev.xiaoer.knowledge.KnowledgeImports;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Importing FAQ entries and articles from files, and exporting them to files, over the API. */
@RestController
@Tag(name = "Knowledge import and export", description = "FAQ entries as CSV; articles as CSV or Markdown with a"
        + " front matter (one .md file, or a .zip of them). An export imports back as it is.")
class KnowledgeImportController {

    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    static final MediaType ZIP = MediaType.parseMediaType("application/zip");
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final int ERRORS_IN_VIEW = 100;
    private static final int RECENT = 50;

    private final KnowledgeImports imports;
    private final KnowledgeExports exports;

    KnowledgeImportController(KnowledgeImports imports, KnowledgeExports exports) {
        this.imports = imports;
        this.exports = exports;
    }

    @Schema(name = "KnowledgeImportError", description = "A row the import refused")
    record ErrorView(@Schema(description = "The row as a spreadsheet numbers it (the header is row 1), or the"
                             + " file's place in a zip") int row,
                     @Schema(description = "The file in a zip the row came from") String source, String field,
                     @Schema(description = "Stable code, as in problem types") String code,
                     @Schema(description = "Why, in the caller's language") String reason) {
    }

    @Schema(name = "KnowledgeImport")
    record ImportView(UUID id, ImportKind kind, String fileName, ImportStatus status, int total, int processed,
                      int created, int updated, @Schema(description = "Rows that were already so") int unchanged,
                      int failed, @Schema(description = "Done so far, 0 to 100") int percent, String startedBy,
                      Instant createdAt, Instant finishedAt,
                      @Schema(description = "The first 100 refused rows; all of them in the error report") List<ErrorView> errors) {
    }

    @PostMapping(path = "/api/v1/knowledge-imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(operationId = "startKnowledgeImport", summary = "Import FAQ entries or articles from a file",
            description = "Multipart part `file` and field `kind` (`faqs` or `articles`). The file is checked as a"
                    + " whole at once (encoding UTF-8 or GB18030, the header's columns, at most 5,000 rows); its rows"
                    + " are then applied in the background, each on its own: poll the import for progress and for the"
                    + " rows refused. A row names its entry by `id`, or else (no id, or one of another workspace) by"
                    + " its question (FAQ) or title (article) in its language, so importing the same file again"
                    + " changes nothing. Supervisors, admins and API tokens only.")
    @ApiResponse(responseCode = "202", description = "Accepted; the rows are being applied")
    @ApiResponse(responseCode = "400", description = "The file cannot be imported, named in errors[].field",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "413", description = "Larger than the upload limit",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<ImportView> start(Actor actor, @RequestParam ImportKind kind, @RequestPart("file") MultipartFile file,
                                     Locale language) {
        byte[] content;
        try {
            content = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var started = imports.start(actor, kind, file.getOriginalFilename(), content);
        return ResponseEntity.accepted().location(URI.create("/api/v1/knowledge-imports/" + started.id()))
                .body(view(started, language));
    }

    @GetMapping("/api/v1/knowledge-imports")
    @Operation(operationId = "listKnowledgeImports", summary = "Recent imports",
            description = "Newest first, up to 50, without their errors; nextCursor is null.")
    CursorPage<ImportView> list(Actor actor) {
        return new CursorPage<>(imports.recent(actor.workspace(), RECENT).stream()
                .map(started -> view(started, List.of())).toList(), null);
    }

    @GetMapping("/api/v1/knowledge-imports/{id}")
    @Operation(operationId = "getKnowledgeImport", summary = "An import's progress and refused rows")
    @ApiResponse(responseCode = "200", description = "The import")
    @ApiResponse(responseCode = "404", description = "No such import in this workspace",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    ImportView get(Actor actor, @PathVariable UUID id, Locale language) {
        return view(imports.get(actor.workspace(), new ImportId(id)), language);
    }

    @GetMapping("/api/v1/knowledge-imports/{id}/errors")
    @Operation(operationId = "getKnowledgeImportErrors", summary = "The refused rows as CSV",
            description = "The file's columns with the row number before them and the reason after them: correct the"
                    + " rows and import the file again.")
    @ApiResponse(responseCode = "200", description = "The report", content = @Content(mediaType = "text/csv"))
    @ApiResponse(responseCode = "404", description = "No such import in this workspace",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    void errors(Actor actor, @PathVariable UUID id, Locale language, HttpServletResponse response) {
        var started = imports.get(actor.workspace(), new ImportId(id));
        download(response, "import-errors-" + started.id() + ".csv", CSV,
                out -> imports.errorReport(actor.workspace(), started.id(), language, out));
    }

    @GetMapping("/api/v1/faqs/export")
    @Operation(operationId = "exportFaqs", summary = "All FAQ entries as CSV",
            description = "Columns id, language, question, answer, expectation, phrasings (one per line), article (its"
                    + " address), action. UTF-8 with a byte-order mark.")
    @ApiResponse(responseCode = "200", description = "The file", content = @Content(mediaType = "text/csv"))
    void exportFaqs(Actor actor, HttpServletResponse response) {
        download(response, "faqs-" + LocalDate.now() + ".csv", CSV, out -> exports.faqsCsv(actor.workspace(), out));
    }

    @GetMapping("/api/v1/articles/export")
    @Operation(operationId = "exportArticles", summary = "All articles as CSV or as Markdown files in a zip",
            description = "Columns (or front matter keys) id, language, title, category (its name), tags, status,"
                    + " translation_of (the address of the article it translates), body.")
    @ApiResponse(responseCode = "200", description = "The file",
            content = {@Content(mediaType = "text/csv"), @Content(mediaType = "application/zip")})
    void exportArticles(Actor actor, @Parameter(description = "csv or markdown")
                        @RequestParam(defaultValue = "csv") ExportFormat format, HttpServletResponse response) {
        var workspace = actor.workspace();
        if (format == ExportFormat.MARKDOWN) {
            download(response, "articles-" + LocalDate.now() + ".zip", ZIP, out -> exports.articlesMarkdown(workspace, out));
        } else {
            download(response, "articles-" + LocalDate.now() + ".csv", CSV, out -> exports.articlesCsv(workspace, out));
        }
    }

    /** How articles are exported. */
    enum ExportFormat { CSV, MARKDOWN }

    /**
     * Writes a file as the response, as a download. Written here and now rather than streamed
     * asynchronously: an asynchronous dispatch would pass the stateless API's security again without
     * the caller's token.
     */
    static void download(HttpServletResponse response, String fileName, MediaType type, Consumer<OutputStream> body) {
        response.setContentType(type.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
        try {
            body.accept(response.getOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ImportView view(KnowledgeImport started, Locale language) {
        return view(started, imports.errors(started.workspace(), started.id(), ERRORS_IN_VIEW).stream()
                .map(error -> new ErrorView(error.row(), error.source(), error.field(), error.code(),
                        imports.reason(error, language)))
                .toList());
    }

    private static ImportView view(KnowledgeImport started, List<ErrorView> errors) {
        return new ImportView(started.id().value(), started.kind(), started.fileName(), started.status(),
                started.total(), started.processed(), started.created(), started.updated(), started.unchanged(),
                started.failed(), started.percent(), started.startedBy(), started.createdAt(), started.finishedAt(),
                errors);
    }
}
