using PtceFunding.Infrastructure.Identity;

namespace PtceFunding.Infrastructure.Persistence.Configurations;

internal sealed class CommitteeDecisionConfiguration : IEntityTypeConfiguration<CommitteeDecision>
{
    public void Configure(EntityTypeBuilder<CommitteeDecision> builder)
    {
        builder.ToTable("CommitteeDecisions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Amounts).HasJsonConversion();
        builder.Property(d => d.Conditions).HasMaxLength(4000);
        builder.Property(d => d.PublicReasons).HasMaxLength(4000);
        builder.Property(d => d.Rationale).HasMaxLength(4000).IsRequired();
        builder.Ignore(d => d.IsCurrent);
        builder.Ignore(d => d.TotalAmount);
        builder.HasOne<FundingApplication>().WithMany().HasForeignKey(d => d.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CommitteeSession>().WithMany().HasForeignKey(d => d.SessionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CommitteeDecision>().WithMany().HasForeignKey(d => d.SupersedesId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.ApplicationId, d.SessionId });
        builder.HasIndex(d => d.SessionId);
        builder.HasIndex(d => d.SupersedesId);
    }
}

internal sealed class CommitteeConflictConfiguration : IEntityTypeConfiguration<CommitteeConflict>
{
    public void Configure(EntityTypeBuilder<CommitteeConflict> builder)
    {
        builder.ToTable("CommitteeConflicts");
        builder.HasKey(c => new { c.SessionId, c.MemberId, c.ApplicationId });
        builder.HasOne<CommitteeSession>().WithMany().HasForeignKey(c => c.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<FundingApplication>().WithMany().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.MemberId);
        builder.HasIndex(c => c.ApplicationId);
    }
}
