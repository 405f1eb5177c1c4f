namespace PtceFunding.Infrastructure.Persistence.Configurations;

/// <summary>
/// A report is one row: what the sweep and the payment holds filter on (agreement, state, due date) are columns; the
/// indicators, values, attachments and reviews are immutable records read whole, as JSON.
/// </summary>
internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> builder)
    {
        builder.ToTable("Reports");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Indicators).HasJsonConversion();
        builder.Property(r => r.RequiredAttachments).HasJsonConversion();
        builder.Property(r => r.Values).HasJsonConversion();
        builder.Property(r => r.Attachments).HasField("_attachments").UsePropertyAccessMode(PropertyAccessMode.Field).HasJsonConversion();
        builder.Property(r => r.Reviews).HasField("_reviews").UsePropertyAccessMode(PropertyAccessMode.Field).HasJsonConversion();
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.OpensOn);
        builder.HasOne<Agreement>().WithMany().HasForeignKey(r => r.AgreementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.AgreementId);
        builder.HasIndex(r => new { r.State, r.DueOn });
    }
}
