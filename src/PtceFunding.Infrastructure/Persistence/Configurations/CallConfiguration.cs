namespace PtceFunding.Infrastructure.Persistence.Configurations;

internal sealed class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> builder)
    {
        builder.ToTable("Programmes");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(200).IsRequired();
        builder.Property(p => p.Description).HasMaxLength(4000).IsRequired();
        builder.Property(p => p.Version).IsConcurrencyToken();
    }
}

internal sealed class CallConfiguration : IEntityTypeConfiguration<Call>
{
    public void Configure(EntityTypeBuilder<Call> builder)
    {
        builder.ToTable("Calls");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Title).HasMaxLength(300).IsRequired();
        builder.Property(c => c.Description).HasMaxLength(8000).IsRequired();
        builder.Property(c => c.TimeZoneId).HasMaxLength(64).IsRequired();
        builder.Property(c => c.Categories).HasJsonConversion();
        builder.Property(c => c.Funders).HasJsonConversion();
        builder.Property(c => c.AgreementTerms).HasJsonConversion().HasDefaultValueSql("'" + CallAgreementTerms.DefaultJson + "'");
        builder.Property(c => c.ReminderPolicy).HasJsonConversion().HasDefaultValueSql("'" + ReminderPolicy.DefaultJson + "'");
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.CurrentRules);
        builder.HasOne<Programme>().WithMany().HasForeignKey(c => c.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.RuleVersions).WithOne().HasForeignKey(v => v.CallId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.RuleVersions).HasField("_ruleVersions").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.HasIndex(c => c.Status);
    }
}

internal sealed class CallRuleVersionConfiguration : IEntityTypeConfiguration<CallRuleVersion>
{
    public void Configure(EntityTypeBuilder<CallRuleVersion> builder)
    {
        builder.ToTable("CallRuleVersions");
        builder.HasKey(v => new { v.CallId, v.Number });
        builder.Property(v => v.Number).ValueGeneratedNever();
        builder.Property(v => v.Rules).HasJsonConversion();
    }
}

internal sealed class CommitteeSessionConfiguration : IEntityTypeConfiguration<CommitteeSession>
{
    public void Configure(EntityTypeBuilder<CommitteeSession> builder)
    {
        builder.ToTable("CommitteeSessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Name).HasMaxLength(200).IsRequired();
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne<Call>().WithMany().HasForeignKey(s => s.CallId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.CallId, s.CutOffDate });
    }
}
