using PtceFunding.Application.Abstractions;
using PtceFunding.Domain.Funders;

namespace PtceFunding.IntegrationTests.Persistence;

/// <summary>The last guard of the input contract: a text longer than its column is refused by name before the database sees it.</summary>
public sealed class ColumnLengthTests(PtceApp app) : IClassFixture<PtceApp>
{
    [Fact]
    public async Task A_text_longer_than_its_column_is_refused_with_its_field_and_nothing_is_written()
    {
        var funder = Funder.Create(FunderId.New(), new string('F', 201), FunderKind.Region, "84").Value;

        var refused = await Assert.ThrowsAsync<ValueTooLongException>(() => app.Db(db =>
        {
            db.Funders.Add(funder);
            return db.SaveChangesAsync();
        }));

        Assert.Equal(("Name", 200), (refused.Field, refused.MaxLength));
        Assert.False(await app.Db(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Funders, f => f.Id == funder.Id)));
    }
}
