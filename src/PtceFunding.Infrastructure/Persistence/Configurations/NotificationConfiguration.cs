using PtceFunding.Application.Jobs;

namespace PtceFunding.Infrastructure.Persistence.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.RecipientEmail).HasMaxLength(256).IsRequired();
        builder.Property(n => n.Template).HasMaxLength(100).IsRequired();
        builder.Property(n => n.Subject).HasMaxLength(300).IsRequired();
        builder.Property(n => n.TextBody).IsRequired();
        builder.Property(n => n.HtmlBody).IsRequired();
        builder.Property(n => n.Sensitive).HasDefaultValue(false);
        builder.Property(n => n.DeduplicationKey).HasMaxLength(300).IsRequired();
        builder.Property(n => n.LastError).HasMaxLength(2000);
        builder.Property(n => n.ClaimedBy).HasMaxLength(200);
        builder.Property(n => n.Version).IsConcurrencyToken();
        builder.HasIndex(n => n.DeduplicationKey).IsUnique();
        builder.HasIndex(n => new { n.Status, n.NextAttemptAt });
        builder.HasIndex(n => new { n.RecipientUserId, n.CreatedAt });
    }
}

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> builder)
    {
        builder.ToTable("JobRuns");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.JobName).HasMaxLength(100).IsRequired();
        builder.Property(r => r.Node).HasMaxLength(200).IsRequired();
        builder.Property(r => r.Outcome).HasMaxLength(2000);
        builder.HasIndex(r => new { r.JobName, r.StartedAt });
    }
}

internal sealed class PausedJobConfiguration : IEntityTypeConfiguration<PausedJob>
{
    public void Configure(EntityTypeBuilder<PausedJob> builder)
    {
        builder.ToTable("PausedJobs");
        builder.HasKey(p => p.Name);
        builder.Property(p => p.Name).HasMaxLength(100);
    }
}
