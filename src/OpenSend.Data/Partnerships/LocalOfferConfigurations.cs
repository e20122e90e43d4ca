using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenSend.Data.Redress;
using OpenSend.Domain.Partnerships;

namespace OpenSend.Data.Partnerships;

internal sealed class LocalOfferProviderConfiguration : IEntityTypeConfiguration<LocalOfferProvider>
{
    public void Configure(EntityTypeBuilder<LocalOfferProvider> builder)
    {
        builder.ToTable("local_offer_providers");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.LaCode).HasMaxLength(3);
        builder.Property(p => p.Name).HasMaxLength(LocalOfferProvider.NameLimit);
        builder.Property(p => p.Description).HasMaxLength(LocalOfferService.TextLimit);
        builder.Property(p => p.Email).HasMaxLength(254);
        builder.Property(p => p.Website).HasMaxLength(500);
        builder.HasIndex(p => new { p.LaCode, p.Name });
    }
}

internal sealed class LocalOfferServiceConfiguration : IEntityTypeConfiguration<LocalOfferService>
{
    public void Configure(EntityTypeBuilder<LocalOfferService> builder)
    {
        builder.ToTable("local_offer_services");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.LaCode).HasMaxLength(3);
        builder.Property(s => s.Name).HasMaxLength(LocalOfferService.NameLimit);
        builder.Property(s => s.Description).HasMaxLength(LocalOfferService.TextLimit);
        builder.Property(s => s.Url).HasMaxLength(500);
        builder.Property(s => s.Email).HasMaxLength(254);
        builder.Property(s => s.Phone).HasMaxLength(40);
        builder.Property(s => s.Eligibility).HasMaxLength(LocalOfferService.TextLimit);
        builder.Property(s => s.Fees).HasMaxLength(LocalOfferService.TextLimit);
        builder.Property(s => s.SearchText).HasMaxLength(LocalOfferService.NameLimit + LocalOfferService.TextLimit + 1);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Property<List<ServiceLocation>>("_locations").HasColumnName("locations").JsonList();
        builder.Property<List<CostOption>>("_costs").HasColumnName("cost_options").JsonList();
        builder.Property<List<ServiceSchedule>>("_schedules").HasColumnName("schedules").JsonList();
        builder.Ignore(s => s.Locations);
        builder.Ignore(s => s.CostOptions);
        builder.Ignore(s => s.Schedules);
        builder.OwnsMany(s => s.Terms, term =>
        {
            term.ToTable("local_offer_service_terms");
            term.WithOwner().HasForeignKey("ServiceId");
            term.HasKey("ServiceId", nameof(ServiceTerm.TermId));
            // A search by kind or need starts from the term.
            term.HasIndex(nameof(ServiceTerm.TermId));
        });
        builder.Navigation(s => s.Terms).HasField("_terms");
        builder.OwnsMany(s => s.Sites, site =>
        {
            site.ToTable("local_offer_service_sites");
            site.WithOwner().HasForeignKey("ServiceId");
            site.HasKey(nameof(ServiceSite.ServiceAtLocationId));
            site.Property(nameof(ServiceSite.ServiceAtLocationId)).ValueGeneratedNever();
        });
        builder.Navigation(s => s.Sites).HasField("_sites");
        builder.HasOne<LocalOfferProvider>().WithMany().HasForeignKey(s => s.ProviderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.LaCode, s.Name });
    }
}

internal sealed class TaxonomyConfiguration : IEntityTypeConfiguration<Taxonomy>
{
    public void Configure(EntityTypeBuilder<Taxonomy> builder)
    {
        builder.ToTable("local_offer_taxonomies");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.Description).HasMaxLength(1_000);
        builder.Property(t => t.Uri).HasMaxLength(500);
        builder.Property(t => t.Version).HasMaxLength(40);
        // OpenSEND's own taxonomies are reference data every deployment has, like the rule sets.
        builder.HasData(LocalOfferTaxonomy.Taxonomies);
    }
}

internal sealed class TaxonomyTermConfiguration : IEntityTypeConfiguration<TaxonomyTerm>
{
    public void Configure(EntityTypeBuilder<TaxonomyTerm> builder)
    {
        builder.ToTable("local_offer_taxonomy_terms");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.Description).HasMaxLength(1_000);
        builder.Property(t => t.Code).HasMaxLength(200);
        builder.HasOne<Taxonomy>().WithMany().HasForeignKey(t => t.TaxonomyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.TaxonomyId, t.Code });
        builder.HasData(LocalOfferTaxonomy.Terms);
    }
}

internal sealed class RuleSetAdoptionConfiguration : IEntityTypeConfiguration<RuleSetAdoption>
{
    public void Configure(EntityTypeBuilder<RuleSetAdoption> builder)
    {
        builder.ToTable("rule_set_adoptions");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.LaCode).HasMaxLength(3);
        builder.Property(a => a.RuleSetId).HasMaxLength(40);
        builder.Property(a => a.Reason).HasMaxLength(RuleSetAdoption.ReasonLimit);
        builder.Property(a => a.DecidedBy).HasMaxLength(200);
        builder.HasIndex(a => new { a.LaCode, a.RecordedAt });
    }
}
