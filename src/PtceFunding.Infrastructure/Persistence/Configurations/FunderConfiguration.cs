namespace PtceFunding.Infrastructure.Persistence.Configurations;

internal sealed class FunderConfiguration : IEntityTypeConfiguration<Funder>
{
    public void Configure(EntityTypeBuilder<Funder> builder)
    {
        builder.ToTable("Funders");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Name).HasMaxLength(200).IsRequired();
        builder.Property(f => f.Kind).IsRequired();
        builder.Property(f => f.RegionCode).HasMaxLength(3);
        builder.Property(f => f.Siret).HasMaxLength(14);
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.HasIndex(f => f.Name).IsUnique();
    }
}
