namespace PtceFunding.Infrastructure.Persistence.Configurations;

/// <summary>
/// An agreement is one row: its versions (immutable terms), signatures, members and objectives are
/// immutable records read whole, stored as JSON columns. One agreement per committee decision.
/// </summary>
internal sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> builder)
    {
        builder.ToTable("Agreements");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Title).HasMaxLength(300).IsRequired();
        builder.Property(a => a.Description).HasMaxLength(8000).IsRequired();
        builder.Property(a => a.TerminationReason).HasMaxLength(2000);
        builder.Property(a => a.PaymentTerms).HasJsonConversion();
        builder.Property(a => a.Members).HasJsonConversion();
        builder.Property(a => a.Objectives).HasJsonConversion();
        builder.Property(a => a.Versions).HasField("_versions").UsePropertyAccessMode(PropertyAccessMode.Field).HasJsonConversion();
        builder.Property(a => a.Signatures).HasField("_signatures").UsePropertyAccessMode(PropertyAccessMode.Field).HasJsonConversion();
        builder.Property(a => a.LegalCommitments).HasField("_legalCommitments").UsePropertyAccessMode(PropertyAccessMode.Field).HasJsonConversion().HasDefaultValueSql("'[]'");
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.PaymentsHeld);
        builder.Ignore(a => a.SignedOn);
        builder.Ignore(a => a.CurrentVersion);
        builder.Ignore(a => a.Funders);
        builder.Ignore(a => a.DurationYears);
        builder.Ignore(a => a.Total);
        builder.Ignore(a => a.EndDate);
        builder.Ignore(a => a.Years);
        builder.Ignore(a => a.ReportingObligations);
        builder.Ignore(a => a.MissingSignatures);
        builder.HasOne<CommitteeDecision>().WithMany().HasForeignKey(a => a.DecisionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<FundingApplication>().WithMany().HasForeignKey(a => a.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Call>().WithMany().HasForeignKey(a => a.CallId).OnDelete(DeleteBehavior.Restrict);
        // One agreement per decision: drafting twice (or concurrently) cannot produce a second one.
        builder.HasIndex(a => a.DecisionId).IsUnique();
        builder.HasIndex(a => a.ApplicationId);
        // The column's default only filled the rows that existed when it was added (migration AgreementLead); the domain always sets it.
        builder.Property(a => a.LeadOrganisationId).HasDefaultValue(new OrganisationId(Guid.Empty));
        builder.HasIndex(a => a.LeadOrganisationId);
        builder.HasIndex(a => new { a.CallId, a.Status });
    }
}
