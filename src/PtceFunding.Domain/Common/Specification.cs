using System.Linq.Expressions;

namespace PtceFunding.Domain.Common;

/// <summary>
/// A rule about a <typeparamref name="T"/> on a calendar day, written once as an expression: the queries hand
/// <see cref="On"/> to the database, the domain evaluates <see cref="IsSatisfiedBy"/> in memory — the same rule.
/// </summary>
public sealed class DayRule<T>
{
    private readonly Expression<Func<T, DateOnly, bool>> _rule;
    private readonly Func<T, DateOnly, bool> _compiled;

    public DayRule(Expression<Func<T, DateOnly, bool>> rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        _rule = rule;
        _compiled = rule.Compile();
    }

    public bool IsSatisfiedBy(T candidate, DateOnly day) => _compiled(candidate, day);

    /// <summary>The rule for <paramref name="day"/>, as a query predicate (the day becomes a query parameter).</summary>
    public Expression<Func<T, bool>> On(DateOnly day)
    {
        var dayValue = Expression.Property(Expression.Constant(new Day(day)), nameof(Day.Value));
        var body = new Substitution(_rule.Parameters[1], dayValue).Visit(_rule.Body);
        return Expression.Lambda<Func<T, bool>>(body, _rule.Parameters[0]);
    }

    /// <summary>A closure-like holder, so that query providers read the day as a parameter, not a literal.</summary>
    private sealed record Day(DateOnly Value);

    private sealed class Substitution(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

/// <summary>A rule about a <typeparamref name="T"/>, written once as an expression for the queries and the domain.</summary>
public sealed class Specification<T>
{
    private readonly Func<T, bool> _compiled;

    public Specification(Expression<Func<T, bool>> rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        Predicate = rule;
        _compiled = rule.Compile();
    }

    /// <summary>The rule as a query predicate.</summary>
    public Expression<Func<T, bool>> Predicate { get; }

    public bool IsSatisfiedBy(T candidate) => _compiled(candidate);
}
