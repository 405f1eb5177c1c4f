using PtceFunding.Infrastructure.Identity;

namespace PtceFunding.Infrastructure.Persistence.Configurations;

internal sealed class ReviewerAssignmentConfiguration : IEntityTypeConfiguration<ReviewerAssignment>
{
    public void Configure(EntityTypeBuilder<ReviewerAssignment> builder)
    {
        builder.ToTable("ReviewerAssignments");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.ConflictDetails).HasMaxLength(2000);
        builder.Property(r => r.Scores).HasJsonConversion();
        builder.Property(r => r.OpinionText).HasMaxLength(ReviewerAssignment.TextMaxLength);
        builder.Property(r => r.ConfidentialText).HasMaxLength(ReviewerAssignment.TextMaxLength);
        builder.Property(r => r.WeightedScore).HasPrecision(5, 2);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.IsRecused);
        builder.HasOne<FundingApplication>().WithMany().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        // An expert's opinions outlive their account being closed: the link is kept, not cascaded.
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.ReviewerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.ApplicationId, r.ReviewerId }).IsUnique();
        builder.HasIndex(r => r.ReviewerId);
    }
}
