using PtceFunding.Domain.Common;

namespace PtceFunding.Domain.Tests.Common;

public sealed class SpecificationTests
{
    private sealed record Deadline(DateOnly DueOn, bool Done);

    private static readonly DayRule<Deadline> Late = new((d, today) => !d.Done && d.DueOn < today);

    [Fact]
    public void A_day_rule_gives_the_same_answer_in_memory_and_as_a_query_predicate()
    {
        var deadlines = new[]
        {
            new Deadline(new DateOnly(2028, 6, 29), false),
            new Deadline(new DateOnly(2028, 6, 30), false),
            new Deadline(new DateOnly(2028, 6, 29), true),
        };
        var today = new DateOnly(2028, 6, 30);

        var inMemory = deadlines.Where(d => Late.IsSatisfiedBy(d, today)).ToList();
        var asQuery = deadlines.AsQueryable().Where(Late.On(today)).ToList();

        Assert.Equal([deadlines[0]], inMemory);
        Assert.Equal(inMemory, asQuery);
    }

    [Fact]
    public void The_day_of_a_query_predicate_is_read_as_a_parameter_not_written_as_a_literal()
    {
        var constants = new Constants();
        constants.Visit(Late.On(new DateOnly(2028, 6, 30)));

        Assert.DoesNotContain(typeof(DateOnly), constants.Types);
    }

    private sealed class Constants : System.Linq.Expressions.ExpressionVisitor
    {
        public List<Type> Types { get; } = [];

        protected override System.Linq.Expressions.Expression VisitConstant(System.Linq.Expressions.ConstantExpression node)
        {
            Types.Add(node.Type);
            return base.VisitConstant(node);
        }
    }

    [Fact]
    public void Today_is_the_date_in_Paris_whatever_the_utc_date()
    {
        var halfPastMidnightInParis = new DateTimeOffset(2028, 6, 30, 22, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2028, 7, 1), halfPastMidnightInParis.Today());
        Assert.Equal(new DateOnly(2028, 6, 30), halfPastMidnightInParis.Today("America/Cayenne"));
    }
}
