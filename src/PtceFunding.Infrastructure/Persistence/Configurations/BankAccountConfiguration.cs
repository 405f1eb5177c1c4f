namespace PtceFunding.Infrastructure.Persistence.Configurations;

internal sealed class BankAccountConfiguration : IEntityTypeConfiguration<BankAccount>
{
    /// <summary>The filters of the two partial unique indexes: same SQL on PostgreSQL and SQLite.</summary>
    internal const string PendingFilter = "\"Status\" = 0";
    internal const string ApprovedFilter = "\"Status\" = 1";

    public void Configure(EntityTypeBuilder<BankAccount> builder)
    {
        builder.ToTable("BankAccounts");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.HolderName).HasMaxLength(BankAccount.HolderNameMaxLength).IsRequired();
        // Stored valid: reading back parses without surprise.
        builder.Property(b => b.Iban).HasConversion(v => v.Value, v => Iban.Parse(v).Value).HasMaxLength(34).IsRequired();
        builder.Property(b => b.Bic).HasConversion(v => v.Value, v => Bic.Parse(v).Value).HasMaxLength(11).IsRequired();
        builder.Property(b => b.RejectionReason).HasMaxLength(BankAccount.ReasonMaxLength);
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(b => b.OrganisationId).OnDelete(DeleteBehavior.Restrict);

        // At most one approved and one pending entry per organisation, whatever the requests racing.
        builder.HasIndex(b => b.OrganisationId, "IX_BankAccounts_OrganisationId_Pending").IsUnique().HasFilter(PendingFilter);
        builder.HasIndex(b => b.OrganisationId, "IX_BankAccounts_OrganisationId_Approved").IsUnique().HasFilter(ApprovedFilter);
        builder.HasIndex(b => new { b.OrganisationId, b.EnteredAt });
    }
}
