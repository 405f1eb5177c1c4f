using PtceFunding.Infrastructure.Identity;

namespace PtceFunding.Infrastructure.Persistence.Configurations;

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> builder)
    {
        builder.ToTable("CalendarFeeds");
        builder.HasKey(f => f.UserId);
        builder.Property(f => f.UserId).ValueGeneratedNever();
        builder.Property(f => f.TokenHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(f => f.TokenHash).IsUnique();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
