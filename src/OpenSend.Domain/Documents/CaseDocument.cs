using OpenSend.Domain.Common;

namespace OpenSend.Domain.Documents;

/// <summary>What a document on a case is for.</summary>
public enum DocumentPurpose
{
    /// <summary>An adviser's report (reg 6), listed in section K of the plan.</summary>
    AdviceReport,

    /// <summary>A photo or short video the family chose for section A (green paper ch.2 para 21).</summary>
    FamilyPicture,

    /// <summary>Anything else the case needs: letters, reports, evidence.</summary>
    Other,
}

/// <summary>
/// A file held on a case. The bytes live outside the web root under their SHA-256 (so a file
/// uploaded twice is stored once and cannot be swapped without the hash changing); this row says
/// whose it is, what it is, and who uploaded it.
/// </summary>
public sealed class CaseDocument
{
    private CaseDocument()
    {
        LaCode = Title = FileName = Sha256 = UploadedBy = string.Empty;
    }

    public CaseDocument(Guid assessmentId, string laCode, DocumentPurpose purpose, string title, string fileName, DocumentType type, long sizeBytes, string sha256, string uploadedBy, DateTimeOffset uploadedAt, Guid? adviceRequestId = null)
    {
        AdviceRequestId = adviceRequestId;
        Id = RecordId.New();
        AssessmentId = assessmentId;
        LaCode = laCode;
        Purpose = purpose;
        Title = title;
        FileName = fileName;
        Type = type;
        SizeBytes = sizeBytes;
        Sha256 = sha256;
        UploadedBy = uploadedBy;
        UploadedAt = uploadedAt;
    }

    /// <summary>The longest title a document can have (the column's length).</summary>
    public const int MaximumTitleLength = 200;

    public Guid Id { get; private set; }

    public Guid AssessmentId { get; private set; }

    public string LaCode { get; private set; }

    public DocumentPurpose Purpose { get; private set; }

    /// <summary>For an adviser's report: the request for advice it answers.</summary>
    public Guid? AdviceRequestId { get; private set; }

    public string Title { get; private set; }

    /// <summary>A safe name to download it as: the title and the extension of what it really is.</summary>
    public string FileName { get; private set; }

    public DocumentType Type { get; private set; }

    public long SizeBytes { get; private set; }

    public string Sha256 { get; private set; }

    public string UploadedBy { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }

    /// <summary>
    /// Why the council keeps this document from the family (e.g. third-party safeguarding
    /// information), or null when the family may read it. The family sees that it is withheld, and why.
    /// </summary>
    public string? WithheldReason { get; private set; }

    public DateTimeOffset? WithheldAt { get; private set; }

    public string? WithheldBy { get; private set; }

    public bool IsWithheld => WithheldReason is not null;

    public const int MaximumWithheldReasonLength = 2_000;

    /// <summary>The council withholds the document from the family, only with a recorded reason.</summary>
    public void Withhold(string reason, string by, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new StepRefusedException("withheld-reason", "Enter why the family cannot see this document. They are shown the reason.");
        }

        if (reason.Trim().Length > MaximumWithheldReasonLength)
        {
            throw new StepRefusedException("withheld-reason", $"The reason must be {MaximumWithheldReasonLength} characters or fewer");
        }

        WithheldReason = reason.Trim();
        WithheldAt = now;
        WithheldBy = by;
    }

    /// <summary>The family may read the document again.</summary>
    public void Share()
    {
        if (!IsWithheld)
        {
            throw new StepRefusedException("document-not-withheld", "The family can already see this document.");
        }

        WithheldReason = null;
        WithheldAt = null;
        WithheldBy = null;
    }
}
