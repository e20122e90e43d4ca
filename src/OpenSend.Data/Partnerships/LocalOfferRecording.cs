using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Access;
using OpenSend.Data.Assessments;
using OpenSend.Data.Audit;
using OpenSend.Data.Database;
using OpenSend.Domain.Common;
using OpenSend.Domain.Partnerships;

namespace OpenSend.Data.Partnerships;

/// <summary>Who provides a service being saved: one of the council's providers, or a new one named now.</summary>
public sealed record ProviderChoice(Guid? ExistingId, string? NewName, string? NewDescription = null, string? NewEmail = null, string? NewWebsite = null);

/// <summary>
/// The council keeps its local offer (s.30): each save checks the service as the domain does,
/// is the council's own (a caseworker or SEND manager of that LA), and is audited in the same
/// save. Nothing about a child is touched, so the dashboard's counts are not.
/// </summary>
public sealed class LocalOfferRecording(OpenSendDbContext db, TimeProvider time)
{
    public async Task<LocalOfferService> SaveServiceAsync(RequestContext context, Guid? serviceId, ProviderChoice provider, LocalOfferService.Details details,
        int? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        var laCode = context.LaCode ?? throw new CaseAccessDeniedException();
        var now = time.GetUtcNow();
        var providerId = await ProviderAsync(laCode, provider, cancellationToken);
        LocalOfferService service;
        if (serviceId is { } id)
        {
            service = await db.LocalOfferServices.SingleOrDefaultAsync(s => s.Id == id && s.LaCode == laCode, cancellationToken)
                ?? throw new CaseNotFoundException();
            if (expectedVersion is { } version && version != service.Version)
            {
                throw StepRefusedException.ChangedBySomeoneElse("service");
            }

            service.Update(providerId, details, now);
            db.AuditRecords.Add(AuditRecord.For(context, laCode, null, AuditActions.LocalOfferServiceChanged, now, service.Name));
        }
        else
        {
            service = LocalOfferService.Create(RecordId.New(), laCode, providerId, details, now);
            db.LocalOfferServices.Add(service);
            db.AuditRecords.Add(AuditRecord.For(context, laCode, null, AuditActions.LocalOfferServiceAdded, now, service.Name));
        }

        var unknown = details.TermIds.Except(await db.TaxonomyTerms.Where(t => details.TermIds.Contains(t.Id)).Select(t => t.Id).ToListAsync(cancellationToken)).ToList();
        if (unknown.Count > 0)
        {
            throw new StepRefusedException("term-unknown", "Select kinds of service and needs from the lists");
        }

        await db.SaveOrRefuseAsync(() => StepRefusedException.ChangedBySomeoneElse("service"), cancellationToken);
        return service;
    }

    private async Task<Guid> ProviderAsync(string laCode, ProviderChoice choice, CancellationToken cancellationToken)
    {
        if (choice.ExistingId is { } existing)
        {
            return await db.LocalOfferProviders.AnyAsync(p => p.Id == existing && p.LaCode == laCode, cancellationToken)
                ? existing
                : throw new StepRefusedException("provider-unknown", "Select the organisation that provides the service");
        }

        var provider = LocalOfferProvider.Create(RecordId.New(), laCode, choice.NewName, choice.NewDescription, choice.NewEmail, choice.NewWebsite);
        db.LocalOfferProviders.Add(provider);
        return provider.Id;
    }
}
