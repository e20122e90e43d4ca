using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Access;
using OpenSend.Data.Assessments;
using OpenSend.Data.Audit;
using OpenSend.Data.Database;
using OpenSend.Domain.Common;
using OpenSend.Domain.Documents;

namespace OpenSend.Data.Documents;

/// <summary>Where uploaded files live (outside the web root) and how big one may be.</summary>
public sealed record DocumentStorage(string RootPath, long MaxBytes)
{
    public const long DefaultMaxBytes = 20L * 1024 * 1024;

    public const string DefaultRelativePath = "data/documents";

    /// <summary>OpenSend:Documents:Path, else data/documents under the current directory (beside the SQLite database).</summary>
    public static DocumentStorage Resolve(string? configuredPath, long? maxBytes, string currentDirectory) =>
        new(Path.GetFullPath(string.IsNullOrWhiteSpace(configuredPath) ? Path.Combine(currentDirectory, DefaultRelativePath) : configuredPath), maxBytes ?? DefaultMaxBytes);

    /// <summary>Files are named by their SHA-256, in 256 folders by its first two characters.</summary>
    public string PathFor(string sha256) => Path.Combine(RootPath, sha256[..2], sha256);

    public string Describe(long bytes) => bytes >= 1024 * 1024
        ? $"{bytes / (1024 * 1024.0):0.#} MB"
        : $"{Math.Max(1, bytes / 1024)} KB";
}

/// <summary>A file to download: its record and its bytes.</summary>
public sealed record OpenedDocument(CaseDocument Document, Stream Content);

/// <summary>
/// Files on a case. An upload is streamed to a temporary file while its size is counted and its
/// SHA-256 computed, checked by content (<see cref="DocumentTypes.Detect"/>), then moved into place;
/// only then is its row written, with the audit record, in one transaction. A refused upload
/// leaves no file and no row.
/// </summary>
public sealed class CaseDocuments(OpenSendDbContext db, CaseSteps steps, DocumentStorage storage, TimeProvider time)
{
    /// <summary>
    /// The council keeps a document from the family, with the reason they are shown (reg 7 and
    /// CoP 9.49 expect the family to have copies of the advice; only a recorded reason, such as
    /// third-party safeguarding information, justifies not sharing one). The council's staff only.
    /// </summary>
    public async Task WithholdAsync(RequestContext context, Guid assessmentId, Guid documentId, string reason, CancellationToken cancellationToken = default)
    {
        var writing = await steps.BeginAsync(context, assessmentId, StepBy.Council, cancellationToken);
        var document = await DocumentOnAsync(writing.Case, documentId, cancellationToken);
        document.Withhold(reason, context.Actor.DisplayName, writing.Now);
        await writing.CommitAsync(AuditActions.DocumentWithheld, $"{document.Title}: {document.WithheldReason}", "document", cancellationToken);
    }

    /// <summary>The family may read a document the council had withheld.</summary>
    public async Task ShareAsync(RequestContext context, Guid assessmentId, Guid documentId, CancellationToken cancellationToken = default)
    {
        var writing = await steps.BeginAsync(context, assessmentId, StepBy.Council, cancellationToken);
        var document = await DocumentOnAsync(writing.Case, documentId, cancellationToken);
        document.Share();
        await writing.CommitAsync(AuditActions.DocumentShared, document.Title, "document", cancellationToken);
    }

    private async Task<CaseDocument> DocumentOnAsync(OpenSend.Domain.Assessments.EhcCase onCase, Guid documentId, CancellationToken cancellationToken) =>
        await db.Set<CaseDocument>().SingleOrDefaultAsync(d => d.LaCode == onCase.LaCode && d.AssessmentId == onCase.Id && d.Id == documentId, cancellationToken)
        ?? throw new StepRefusedException("document-not-found", "That document is not on this case.");

    /// <summary>
    /// How much one case can hold, so that anyone who may upload to a case (a family account is
    /// easy to open) cannot fill the disk: a case's real documents are tens of files of a few
    /// megabytes.
    /// </summary>
    public const long MaximumBytesPerCase = 1024L * 1024 * 1024;

    /// <summary>Uploads one person can make to one case in 24 hours.</summary>
    public const int MaximumUploadsPerPersonPerDay = 50;

    /// <summary>
    /// Who may add what: the LA's staff anything; an adviser their report, while their advice is due
    /// (<paramref name="adviceRequestId"/>); the family photos and short videos for section A, and
    /// their own reports, letters and evidence.
    /// </summary>
    public async Task<CaseDocument> UploadAsync(RequestContext context, Guid assessmentId, Stream upload, string? title, DocumentPurpose purpose, Guid? adviceRequestId = null, CancellationToken cancellationToken = default)
    {
        var assessment = await db.ReadableBy(context.Viewer).AsNoTracking().Include(a => a.AdviceRequests).SingleOrDefaultAsync(a => a.Id == assessmentId, cancellationToken)
            ?? throw new CaseNotFoundException();
        var viewer = context.Viewer;
        var mayUpload = viewer.IsLaStaff
            || (purpose is DocumentPurpose.FamilyPicture or DocumentPurpose.Other && viewer.IsFamily)
            || (purpose == DocumentPurpose.AdviceReport && viewer is { IsStaff: true, OrganisationId: { } organisationId }
                && assessment.AdviceRequests.Any(r => r.Id == adviceRequestId && r.AdviserOrganisationId == organisationId && r.ReceivedOn is null));
        if (!mayUpload)
        {
            throw new CaseAccessDeniedException();
        }

        if (adviceRequestId is { } requestId && assessment.AdviceRequests.All(r => r.Id != requestId))
        {
            throw new StepRefusedException("advice-request-not-found", "That advice request is not part of this case.");
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            throw new StepRefusedException("document-title", "Enter a title for the document, like 'Educational psychology advice'");
        }

        if (title.Trim().Length > CaseDocument.MaximumTitleLength)
        {
            throw new StepRefusedException("document-title", $"The title must be {CaseDocument.MaximumTitleLength} characters or fewer");
        }

        var dayAgo = time.GetUtcNow().AddDays(-1);
        if (await db.AuditRecords.CountAsync(a => a.LaCode == assessment.LaCode && a.AssessmentId == assessment.Id && a.At > dayAgo
                && a.Action == AuditActions.DocumentUploaded.Code && a.ActorId == context.Actor.UserId, cancellationToken) >= MaximumUploadsPerPersonPerDay)
        {
            throw new StepRefusedException("document-quota", $"You have added {MaximumUploadsPerPersonPerDay} documents to this case in the last 24 hours. Try again tomorrow, or ask the council's SEND team");
        }

        Directory.CreateDirectory(Path.Combine(storage.RootPath, "incoming"));
        var temporary = Path.Combine(storage.RootPath, "incoming", Guid.NewGuid().ToString("N"));
        string? placed = null;
        try
        {
            var (sha256, size) = await CopyCountingAsync(upload, temporary, cancellationToken);
            var held = await db.Set<CaseDocument>().Where(d => d.AssessmentId == assessment.Id).SumAsync(d => (long?)d.SizeBytes, cancellationToken) ?? 0;
            if (held + size > MaximumBytesPerCase)
            {
                throw new StepRefusedException("document-quota", $"This case already holds {storage.Describe(held)} of documents, and can hold {storage.Describe(MaximumBytesPerCase)}. Ask the council's SEND team to remove documents that are no longer needed");
            }

            DocumentType type;
            await using (var stored = File.OpenRead(temporary))
            {
                type = DocumentTypes.Detect(stored)
                    ?? throw new StepRefusedException("document-type", $"The selected file must be {DocumentTypes.Accepted}");
            }

            if (purpose == DocumentPurpose.FamilyPicture && !type.IsPictureOrVideo())
            {
                throw new StepRefusedException("document-type", "A photo or video for section A must be a JPEG, PNG or MP4 file");
            }

            var final = storage.PathFor(sha256);
            Directory.CreateDirectory(Path.GetDirectoryName(final)!);
            if (!File.Exists(final))
            {
                File.Move(temporary, final);
                placed = final;
            }

            var now = time.GetUtcNow();
            var document = new CaseDocument(assessment.Id, assessment.LaCode, purpose, title.Trim(), SafeFileName(title) + type.Extension(), type, size, sha256, context.Actor.DisplayName, now, adviceRequestId);
            db.Add(document);
            db.AuditRecords.Add(AuditRecord.For(context, assessment.LaCode, assessment.Id, AuditActions.DocumentUploaded, now, $"{document.Title} ({type}, {storage.Describe(size)})."));
            await db.SaveChangesAsync(cancellationToken);
            placed = null;
            return document;
        }
        finally
        {
            File.Delete(temporary);
            // The row was not saved: remove the file this upload placed unless another row already uses it.
            if (placed is not null && !await db.Set<CaseDocument>().AnyAsync(d => d.Sha256 == Path.GetFileName(placed), CancellationToken.None))
            {
                File.Delete(placed);
            }
        }
    }

    public async Task<IReadOnlyList<CaseDocument>> ListAsync(RequestContext context, Guid assessmentId, CancellationToken cancellationToken = default)
    {
        var laCode = await db.ReadableBy(context.Viewer).Where(a => a.Id == assessmentId).Select(a => a.LaCode).SingleOrDefaultAsync(cancellationToken)
            ?? throw new CaseNotFoundException();
        return await db.Set<CaseDocument>().AsNoTracking()
            .Where(d => d.LaCode == laCode && d.AssessmentId == assessmentId)
            .OrderByDescending(d => d.UploadedAt)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The file, for anyone who may see the case; the download is audited. Null for a document not on this case.</summary>
    public async Task<OpenedDocument?> OpenAsync(RequestContext context, Guid assessmentId, Guid documentId, CancellationToken cancellationToken = default)
    {
        var laCode = await db.ReadableBy(context.Viewer).Where(a => a.Id == assessmentId).Select(a => a.LaCode).SingleOrDefaultAsync(cancellationToken)
            ?? throw new CaseNotFoundException();
        var document = await db.Set<CaseDocument>().AsNoTracking()
            .SingleOrDefaultAsync(d => d.LaCode == laCode && d.AssessmentId == assessmentId && d.Id == documentId, cancellationToken);
        // A document the council withholds is not there for the family, whatever link they hold.
        if (document is null || (document.IsWithheld && !context.Viewer.IsStaff))
        {
            return null;
        }

        db.AuditRecords.Add(AuditRecord.For(context, laCode, assessmentId, AuditActions.DocumentDownloaded, time.GetUtcNow(), document.Title));
        await db.SaveChangesAsync(cancellationToken);
        return new OpenedDocument(document, File.OpenRead(storage.PathFor(document.Sha256)));
    }

    /// <summary>
    /// A photo the family shared for section A, to show in the plan itself (decision 0010): only a
    /// family picture whose content was checked as JPEG or PNG. Null for anything else.
    /// </summary>
    public async Task<OpenedDocument?> OpenPictureAsync(RequestContext context, Guid assessmentId, Guid documentId, CancellationToken cancellationToken = default)
    {
        var laCode = await db.ReadableBy(context.Viewer).Where(a => a.Id == assessmentId).Select(a => a.LaCode).SingleOrDefaultAsync(cancellationToken)
            ?? throw new CaseNotFoundException();
        var document = await db.Set<CaseDocument>().AsNoTracking()
            .SingleOrDefaultAsync(d => d.LaCode == laCode && d.AssessmentId == assessmentId && d.Id == documentId && d.Purpose == DocumentPurpose.FamilyPicture
                && (d.Type == DocumentType.Jpeg || d.Type == DocumentType.Png) && d.WithheldReason == null, cancellationToken);
        return document is null ? null : new OpenedDocument(document, File.OpenRead(storage.PathFor(document.Sha256)));
    }

    private async Task<(string Sha256, long Size)> CopyCountingAsync(Stream upload, string temporary, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long size = 0;
        await using (var output = File.Create(temporary))
        {
            int read;
            while ((read = await upload.ReadAsync(buffer, cancellationToken)) > 0)
            {
                size += read;
                if (size > storage.MaxBytes)
                {
                    throw new StepRefusedException("document-too-large", $"The selected file must be smaller than {storage.Describe(storage.MaxBytes)}");
                }

                hash.AppendData(buffer, 0, read);
                await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }

        if (size == 0)
        {
            throw new StepRefusedException("document-empty", "The selected file is empty");
        }

        return (Convert.ToHexStringLower(hash.GetHashAndReset()), size);
    }

    private static string SafeFileName(string title)
    {
        var cleaned = new string(title.Trim().Select(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_' ? c : '-').ToArray());
        return cleaned.Length > 80 ? cleaned[..80] : cleaned.Length == 0 ? "document" : cleaned;
    }
}

internal sealed class CaseDocumentConfiguration : Microsoft.EntityFrameworkCore.IEntityTypeConfiguration<CaseDocument>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<CaseDocument> builder)
    {
        builder.ToTable("case_documents");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.LaCode).HasMaxLength(3);
        builder.Property(d => d.Title).HasMaxLength(200);
        builder.Property(d => d.FileName).HasMaxLength(100);
        builder.Property(d => d.Sha256).HasMaxLength(64);
        builder.Property(d => d.UploadedBy).HasMaxLength(200);
        builder.Property(d => d.WithheldReason).HasMaxLength(CaseDocument.MaximumWithheldReasonLength);
        builder.Property(d => d.WithheldBy).HasMaxLength(200);
        builder.Ignore(d => d.IsWithheld);
        builder.HasOne<OpenSend.Domain.Assessments.EhcCase>().WithMany().HasForeignKey(d => d.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.LaCode, d.AssessmentId });
        builder.HasIndex(d => d.Sha256);
        // No foreign key to advice_requests: SQLite cannot add one to an existing table inside a
        // migration's transaction, and both rows go together (the case's cascade) anyway.
        builder.HasIndex(d => d.AdviceRequestId);
    }
}
