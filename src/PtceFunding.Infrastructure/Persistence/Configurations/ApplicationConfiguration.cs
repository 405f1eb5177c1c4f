using PtceFunding.Infrastructure.Identity;

namespace PtceFunding.Infrastructure.Persistence.Configurations;

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<FundingApplication>
{
    public void Configure(EntityTypeBuilder<FundingApplication> builder)
    {
        builder.ToTable("Applications");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Category).HasMaxLength(100).IsRequired();
        builder.Property(a => a.RegionCode).HasMaxLength(3).IsRequired();
        builder.Property(a => a.Title).HasMaxLength(300).IsRequired();
        builder.Property(a => a.Description).HasMaxLength(8000).IsRequired();
        builder.Property(a => a.Territory).HasMaxLength(1000).IsRequired();
        builder.Property(a => a.Sectors).HasJsonConversion();
        builder.Property(a => a.Members).HasJsonConversion();
        builder.Property(a => a.Plan).HasJsonConversion();
        builder.Property(a => a.RequestedAmounts).HasJsonConversion();
        builder.Property(a => a.Indicators).HasJsonConversion();
        builder.Property(a => a.Reference).HasMaxLength(32);
        builder.Property(a => a.WithdrawalReason).HasMaxLength(1000);
        builder.Property(a => a.Version).IsConcurrencyToken();
        // Columns added to existing rows carry an empty JSON list by default (migration 20261130120000_Review).
        builder.Property(a => a.CorrectionItems).HasJsonConversion().HasDefaultValueSql("'[]'");
        builder.Property(a => a.IneligibilityReasons).HasMaxLength(2000);
        builder.Property(a => a.InstructionReport).HasMaxLength(8000);
        builder.Property(a => a.ProposedAmounts).HasJsonConversion().HasDefaultValueSql("'[]'");
        // Kept by the aggregate next to the JSON they summarise, so that the officer inbox sorts in SQL;
        // rows older than migration 20261130150000_Inbox were filled by it.
        builder.Property(a => a.TotalRequested).HasPrecision(14, 2).HasDefaultValueSql("0");
        builder.Property(a => a.MembersCount).HasDefaultValueSql("0");
        builder.Ignore(a => a.TotalProposed);
        builder.Ignore(a => a.IsUnscheduled);
        builder.HasMany(a => a.History).WithOne().HasForeignKey(e => e.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.History).HasField("_history").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(a => a.Routes).WithOne().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Routes).HasField("_routes").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(a => new { a.AssignedOfficerId, a.Status });
        builder.HasOne<Call>().WithMany().HasForeignKey(a => a.CallId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(a => a.LeadOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CommitteeSession>().WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.Reference).IsUnique();
        builder.HasIndex(a => new { a.LeadOrganisationId, a.Status });
        builder.HasIndex(a => new { a.CallId, a.Status });
        builder.HasIndex(a => new { a.RegionCode, a.Status });
        // The officer inbox (docs/benchmarks/officer-inbox.md): filtered by status, or by session and status, newest
        // submissions first; the id ends both keys so that the routing check and the order need not read the rows.
        builder.HasIndex(a => new { a.Status, a.SubmittedAt, a.Id });
        builder.HasIndex(a => new { a.SessionId, a.Status, a.SubmittedAt, a.Id });
    }
}

internal sealed class ApplicationEventConfiguration : IEntityTypeConfiguration<ApplicationEvent>
{
    public void Configure(EntityTypeBuilder<ApplicationEvent> builder)
    {
        builder.ToTable("ApplicationEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Details).HasMaxLength(4000).IsRequired();
        builder.HasIndex(e => new { e.ApplicationId, e.At });
    }
}

internal sealed class ApplicationRouteConfiguration : IEntityTypeConfiguration<ApplicationRoute>
{
    public void Configure(EntityTypeBuilder<ApplicationRoute> builder)
    {
        builder.ToTable("ApplicationRoutes");
        builder.HasKey(r => new { r.ApplicationId, r.FunderId });
        builder.HasOne<Funder>().WithMany().HasForeignKey(r => r.FunderId).OnDelete(DeleteBehavior.Restrict);
        // A funder's routes, read whole by the officer inbox without visiting the table.
        builder.HasIndex(r => new { r.FunderId, r.ApplicationId });
    }
}

internal sealed class ApplicationContributorConfiguration : IEntityTypeConfiguration<ApplicationContributor>
{
    public void Configure(EntityTypeBuilder<ApplicationContributor> builder)
    {
        builder.ToTable("ApplicationContributors");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasOne<FundingApplication>().WithMany().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.ApplicationId, c.UserId }).IsUnique();
        builder.HasIndex(c => c.UserId);
    }
}

internal sealed class ApplicationDocumentConfiguration : IEntityTypeConfiguration<ApplicationDocument>
{
    public void Configure(EntityTypeBuilder<ApplicationDocument> builder)
    {
        builder.ToTable("ApplicationDocuments");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.RequiredDocumentCode).HasMaxLength(64);
        builder.Property(d => d.FileName).HasMaxLength(255).IsRequired();
        builder.Property(d => d.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(d => d.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(d => d.StorageKey).HasMaxLength(200).IsRequired();
        builder.HasOne<FundingApplication>().WithMany().HasForeignKey(d => d.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        // One file per required document: attaching another replaces it (several other attachments have no code).
        builder.HasIndex(d => new { d.ApplicationId, d.RequiredDocumentCode }).IsUnique();
    }
}
