using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Access;
using OpenSend.Data.Assessments;
using OpenSend.Data.Audit;
using OpenSend.Data.Database;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.Plans;

namespace OpenSend.Data.Plans;

/// <summary>
/// Plans moving between LAs with the child (Children and Families Act 2014 s.47; SEND Regulations
/// 2014 reg 15): the old LA exports the plan with its history in the national format, the new LA
/// reads it back here, checked before anything is saved.
/// </summary>
public sealed class PlanTransfers(OpenSendDbContext db, TimeProvider time)
{
    /// <summary>A plan with a long history is tens of kilobytes; anything far bigger is not a plan.</summary>
    public const long MaxBytes = 5 * 1024 * 1024;

    /// <summary>The plan with every issued version, for the council the child has moved to; audited.</summary>
    public async Task<PlanTransferDocument> ExportAsync(RequestContext context, Guid assessmentId, CancellationToken cancellationToken = default)
    {
        var assessment = await db.ReadableBy(context.Viewer).AsNoTracking().SingleOrDefaultAsync(a => a.Id == assessmentId, cancellationToken)
            ?? throw new CaseNotFoundException();
        if (!context.Viewer.IsLaStaff)
        {
            throw new CaseAccessDeniedException();
        }

        var plan = await db.Plans.AsNoTracking().Include(p => p.Versions).SingleOrDefaultAsync(p => p.AssessmentId == assessmentId, cancellationToken);
        if (plan?.LatestFinal is null)
        {
            throw new StepRefusedException("transfer-no-final", "Only a plan in force transfers with the child (reg 15): issue the final plan first.");
        }

        var la = await db.LocalAuthorities.AsNoTracking().SingleAsync(l => l.Code == assessment.LaCode, cancellationToken);
        var family = assessment.Requester.Kind is RequesterKind.Parent or RequesterKind.YoungPerson ? assessment.Requester : null;
        db.AuditRecords.Add(AuditRecord.For(context, assessment.LaCode, assessment.Id, AuditActions.PlanTransferExported, time.GetUtcNow(), $"{plan.Versions.Count} versions."));
        await db.SaveChangesAsync(cancellationToken);
        return new PlanTransferDocument(PlanTransferDocument.FormatName, la.Code, la.Name, assessment.Reference, assessment.Child,
            family?.Name, Text.NullIfBlank(family?.Email), assessment.PlanLastReviewedOn,
            plan.Versions.OrderBy(v => v.Number).Select(v => PlanVersionDocument.From(v, assessment.LaCode, assessment.Reference)).ToList());
    }

    /// <summary>Reads a transfer document, refusing with a specific reason anything that is not a whole plan in force in the national format.</summary>
    public static async Task<PlanTransferDocument> ReadAsync(Stream json, CancellationToken cancellationToken = default)
    {
        PlanTransferDocument? transfer;
        try
        {
            await using var limited = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = await json.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (limited.Length + read > MaxBytes)
                {
                    throw new StepRefusedException("transfer-too-large", "The file is too large to be a plan (over 5 MB).");
                }

                limited.Write(buffer, 0, read);
            }

            limited.Position = 0;
            transfer = await JsonSerializer.DeserializeAsync<PlanTransferDocument>(limited, PlanJson.Options, cancellationToken);
        }
        catch (JsonException invalid)
        {
            throw new StepRefusedException("transfer-unreadable", $"The file is not a plan transfer in the national format (at {invalid.Path ?? "the start"}): {invalid.Message}");
        }

        Require(transfer is not null && transfer.Format == PlanTransferDocument.FormatName, "transfer-format",
            $"The file is not a plan transfer in the national format: its \"format\" must be \"{PlanTransferDocument.FormatName}\".");
        Require(transfer!.Child is { } child && !string.IsNullOrWhiteSpace(child.GivenName) && !string.IsNullOrWhiteSpace(child.FamilyName) && child.DateOfBirth != default,
            "transfer-child", "The file must name the child and give their date of birth.");
        Require(!string.IsNullOrWhiteSpace(transfer.FromLaCode) && !string.IsNullOrWhiteSpace(transfer.FromLaName), "transfer-from", "The file must say which council the plan comes from.");
        Require(transfer.Versions is { Count: > 0 }, "transfer-no-versions", "The file holds no version of the plan.");
        Require(transfer.Versions.All(v => v is not null && v.Format == PlanVersionDocument.FormatName && v.Content is not null), "transfer-version-format",
            $"Every version must be a plan in the national format (\"{PlanVersionDocument.FormatName}\").");
        Require(transfer.Versions.Select(v => v.Number).SequenceEqual(Enumerable.Range(1, transfer.Versions.Count)), "transfer-version-numbers",
            "The versions must be numbered 1, 2, 3 … in the order they were issued, with none missing.");
        Require(transfer.Versions.Zip(transfer.Versions.Skip(1)).All(p => p.Second.IssuedOn >= p.First.IssuedOn), "transfer-version-dates",
            "Each version must be issued on or after the one before it.");
        Require(transfer.MadeOn is not null, "transfer-no-final",
            "Only a plan in force (one with a final version) transfers under reg 15. A request still being assessed moves under s.24 instead.");
        return transfer;
    }

    private static void Require(bool condition, string code, string reason)
    {
        if (!condition)
        {
            throw new StepRefusedException(code, reason);
        }
    }
}
