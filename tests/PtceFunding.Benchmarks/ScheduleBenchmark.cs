using System.Diagnostics;
using System.Globalization;
using PtceFunding.Domain.Agreements;
using PtceFunding.Domain.Applications;
using PtceFunding.Domain.Common;

namespace PtceFunding.Benchmarks;

/// <summary>
/// Issue 6: "generates schedules for 100,000 agreements: at least 100,000 agreements per second".
/// Random but reproducible agreements (seeded), each scheduled with the domain code as the product does it —
/// <see cref="AgreementYear.Sequence"/> → <see cref="AgreementSchedule.DefaultSplit"/> (or an explicit
/// <see cref="YearlySplit"/>) → per funder <see cref="InstallmentPlan.Generate"/> — first checked (every schedule adds
/// up exactly), then timed on one thread. Exit code: 0 when the median throughput meets the target, 1 when it does not,
/// 2 when a schedule is wrong or refused.
/// </summary>
internal static class ScheduleBenchmark
{
    private const int WarmUpPasses = 3;

    public static int Run(string[] args)
    {
        var agreements = Option(args, "--agreements", 100_000);
        var iterations = Option(args, "--iterations", 10);
        var seed = Option(args, "--seed", 20_260_101);
        var target = Option(args, "--target", 100_000);

        Console.WriteLine($"Generating {agreements:N0} agreements (seed {seed})…");
        var cases = Generate(agreements, seed);
        Describe(cases);

        // The check: every schedule of every agreement, once, outside the timings.
        var failures = new List<string>();
        var installments = 0L;
        foreach (var agreement in cases)
        {
            installments += Verify(agreement, failures);
        }

        if (failures.Count > 0)
        {
            Console.Error.WriteLine($"{failures.Count:N0} schedule(s) wrong or refused, e.g.:");
            foreach (var failure in failures.Take(10))
            {
                Console.Error.WriteLine("  " + failure);
            }

            return 2;
        }

        Console.WriteLine($"Checked: {cases.Length:N0} agreements, {installments:N0} installments, every schedule adds up exactly to its totals.");

        for (var i = 0; i < WarmUpPasses; i++)
        {
            ScheduleAll(cases);
        }

        var rates = new double[iterations];
        var bytesPerAgreement = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            var generated = ScheduleAll(cases);
            var elapsed = watch.Elapsed;
            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            if (generated != installments)
            {
                Console.Error.WriteLine($"Iteration {i + 1}: {generated:N0} installments instead of {installments:N0}.");
                return 2;
            }

            rates[i] = cases.Length / elapsed.TotalSeconds;
            bytesPerAgreement[i] = (double)allocated / cases.Length;
            Console.WriteLine($"Iteration {i + 1}: {elapsed.TotalMilliseconds:0.0} ms, {rates[i]:N0} agreements/s, {bytesPerAgreement[i]:N0} bytes allocated per agreement");
        }

        Array.Sort(rates);
        var median = iterations % 2 == 1 ? rates[iterations / 2] : (rates[(iterations / 2) - 1] + rates[iterations / 2]) / 2;
        var worst = rates[0];
        Console.WriteLine();
        Console.WriteLine($"| Agreements | Installments | Iterations | Median | Worst | Best | Allocated / agreement |");
        Console.WriteLine($"|---:|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine(Invariant(
            $"| {cases.Length:N0} | {installments:N0} | {iterations} | {median:N0}/s | {worst:N0}/s | {rates[^1]:N0}/s | {bytesPerAgreement.Average():N0} B |"));
        Console.WriteLine();
        Console.WriteLine(
            $"{Environment.ProcessorCount} cores, {CpuModel()}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}, load average {LoadAverage()}, one thread.");
        var met = median >= target;
        Console.WriteLine($"Target (issue 6): {target:N0} agreements/s (median) — {(met ? "met" : "NOT met")}.");
        return met ? 0 : 1;
    }

    /// <summary>The schedules of every agreement, as the product computes them; returns the installments generated.</summary>
    private static long ScheduleAll(AgreementCase[] cases)
    {
        var installments = 0L;
        foreach (var agreement in cases)
        {
            foreach (var plan in Schedule(agreement))
            {
                installments += plan.Installments.Count;
            }
        }

        return installments;
    }

    /// <summary>
    /// One agreement's schedule: its years (budget or anniversary), the yearly split (the draft's default one from the
    /// shape, or an explicit split as an amendment gives it) and each funder's installments.
    /// </summary>
    private static InstallmentPlan[] Schedule(AgreementCase agreement)
    {
        var years = AgreementYear.Sequence(agreement.Start, agreement.DurationYears, agreement.AnniversaryYears);
        IReadOnlyList<DateOnly> yearStarts = [.. years.Select(y => y.Start)];
        var shared = agreement.Split switch
        {
            SplitSpec.Default d => AgreementSchedule.DefaultSplit(d.Shape, years),
            SplitSpec.Percentages p => YearlySplit.FromPercentages(p.Shape, p.Values),
            SplitSpec.Linear { Shape: ScheduleShape.Tapering } l => YearlySplit.LinearTaper(years.Count, l.FirstYearPercent),
            SplitSpec.Linear l => YearlySplit.LinearRampUp(years.Count, l.FirstYearPercent),
            _ => (Result<YearlySplit>?)null,
        };

        var plans = new InstallmentPlan[agreement.Totals.Length];
        for (var f = 0; f < plans.Length; f++)
        {
            var split = shared ?? YearlySplit.Custom(((SplitSpec.Custom)agreement.Split).Amounts[f]);
            if (!split.IsSuccess)
            {
                throw new ScheduleRefusedException(split.Error);
            }

            var plan = InstallmentPlan.Generate(agreement.Totals[f], split.Value, agreement.AdvancePercent, agreement.SignedOn, yearStarts);
            plans[f] = plan.IsSuccess ? plan.Value : throw new ScheduleRefusedException(plan.Error);
        }

        return plans;
    }

    /// <summary>Checks one agreement's schedules; returns the number of installments, appends what is wrong.</summary>
    private static int Verify(AgreementCase agreement, List<string> failures)
    {
        InstallmentPlan[] plans;
        try
        {
            plans = Schedule(agreement);
        }
        catch (ScheduleRefusedException refused)
        {
            failures.Add($"{agreement}: refused, {refused.Message}");
            return 0;
        }

        var years = AgreementYear.Sequence(agreement.Start, agreement.DurationYears, agreement.AnniversaryYears);
        var count = 0;
        for (var f = 0; f < plans.Length; f++)
        {
            var (plan, total) = (plans[f], agreement.Totals[f]);
            var installments = plan.Installments;
            count += installments.Count;
            void Fail(string what) => failures.Add($"{agreement}, funder {f + 1}: {what}");

            if (plan.YearAmounts.Count != years.Count || installments.Count != 2 * years.Count)
            {
                Fail($"{plan.YearAmounts.Count} yearly amounts and {installments.Count} installments for {years.Count} years");
                continue;
            }

            if (plan.YearAmounts.Sum() != total || installments.Sum(i => i.Amount) != total)
            {
                Fail($"years add up to {plan.YearAmounts.Sum()}, installments to {installments.Sum(i => i.Amount)}, total {total}");
            }

            if (agreement.Split is SplitSpec.Custom custom && !plan.YearAmounts.SequenceEqual(custom.Amounts[f]))
            {
                Fail("the yearly amounts are not the custom table");
            }

            for (var y = 0; y < years.Count; y++)
            {
                var (advance, balance) = (installments[2 * y], installments[(2 * y) + 1]);
                if (advance.Kind != InstallmentKind.Advance || balance.Kind != InstallmentKind.Balance || advance.Year != y + 1 || balance.Year != y + 1)
                {
                    Fail($"year {y + 1}: installments out of order");
                }

                if (advance.Amount + balance.Amount != plan.YearAmounts[y] || advance.Amount < 0m || balance.Amount < 0m
                    || !Money.IsInCents(advance.Amount) || !Money.IsInCents(balance.Amount))
                {
                    Fail($"year {y + 1}: advance {advance.Amount} + balance {balance.Amount} for {plan.YearAmounts[y]}");
                }

                // The advance is within one cent of its exact share, the odd cent going to the advance.
                var exact = plan.YearAmounts[y] * agreement.AdvancePercent / 100m;
                if (advance.Amount < exact - 0.01m || advance.Amount > exact + 0.01m)
                {
                    Fail($"year {y + 1}: advance {advance.Amount} for {agreement.AdvancePercent} % of {plan.YearAmounts[y]}");
                }

                if (advance.DueDate != (y == 0 ? agreement.SignedOn : years[y].Start) || balance.DueDate is not null)
                {
                    Fail($"year {y + 1}: due dates {advance.DueDate} / {balance.DueDate}");
                }
            }
        }

        return count;
    }

    /// <summary>
    /// The agreements: totals from 1 € to 5 M€ in cents (log-uniform, so small and large totals are both frequent),
    /// 1–2 funders, 1–5 years from a start date in 2026–2028 (one in four a 1 January), calendar years (four in five)
    /// or anniversary years, an advance of 30–60 % (one in four with decimals), signed up to 90 days before the start,
    /// and a split: the default one of a flat/tapering/ramp-up/no shape (half), explicit tapering or ramp-up
    /// percentages, a linear taper or ramp-up rule, or a custom table per funder.
    /// </summary>
    private static AgreementCase[] Generate(int count, int seed)
    {
        var random = new Random(seed);
        var first = new DateOnly(2026, 1, 1).DayNumber;
        var last = new DateOnly(2028, 12, 31).DayNumber;
        var cases = new AgreementCase[count];
        for (var i = 0; i < count; i++)
        {
            var start = random.Next(4) == 0
                ? new DateOnly(2026 + random.Next(3), 1, 1)
                : DateOnly.FromDayNumber(random.Next(first, last + 1));
            var anniversary = random.Next(5) == 0;
            var duration = random.Next(1, 6);

            var years = AgreementYear.Sequence(start, duration, anniversary).Count;
            var totals = new decimal[random.Next(1, 3)];
            for (var f = 0; f < totals.Length; f++)
            {
                totals[f] = Cents(random);
            }

            var advance = random.Next(4) == 0 ? random.Next(3000, 6001) / 100m : random.Next(30, 61);
            var signedOn = start.AddDays(-random.Next(91));
            cases[i] = new AgreementCase(i + 1, start, duration, anniversary, totals, advance, signedOn, Split(random, years, totals));
        }

        return cases;
    }

    private static SplitSpec Split(Random random, int years, decimal[] totals)
    {
        var draw = random.Next(8);
        if (draw < 4)
        {
            return new SplitSpec.Default(draw == 3 ? null : (ScheduleShape)draw);
        }

        if (draw == 4)
        {
            var tapering = TaperingPercentages(random, years);
            if (random.Next(2) == 0)
            {
                return new SplitSpec.Percentages(ScheduleShape.Tapering, tapering);
            }

            Array.Reverse(tapering);
            return new SplitSpec.Percentages(ScheduleShape.RampUp, tapering);
        }

        if (draw == 5)
        {
            // A first-year share in hundredths of a percent within the rule's range (100 % for a single year).
            return years == 1
                ? new SplitSpec.Linear(ScheduleShape.Tapering, 100m)
                : new SplitSpec.Linear(ScheduleShape.Tapering, random.Next((int)Math.Ceiling(10_000m / years), (int)Math.Min(10_000m, 20_000m / years) + 1) / 100m);
        }

        if (draw == 6)
        {
            return years == 1
                ? new SplitSpec.Linear(ScheduleShape.RampUp, 100m)
                : new SplitSpec.Linear(ScheduleShape.RampUp, random.Next(0, (int)(10_000m / years) + 1) / 100m);
        }

        // A custom table per funder: the total's cents cut at random points, a year possibly at 0.
        var amounts = new decimal[totals.Length][];
        for (var f = 0; f < totals.Length; f++)
        {
            var cents = (long)(totals[f] * 100m);
            var cuts = new long[years + 1];
            cuts[years] = cents;
            for (var y = 1; y < years; y++)
            {
                cuts[y] = random.NextInt64(cents + 1);
            }

            Array.Sort(cuts);
            amounts[f] = [.. Enumerable.Range(0, years).Select(y => (cuts[y + 1] - cuts[y]) / 100m)];
        }

        return new SplitSpec.Custom(amounts);
    }

    /// <summary>Whole percentages summing to 100, never increasing: an even split moved at random towards the first years.</summary>
    private static decimal[] TaperingPercentages(Random random, int years)
    {
        var percentages = new int[years];
        for (var y = 0; y < years; y++)
        {
            percentages[y] = (100 / years) + (y < 100 % years ? 1 : 0);
        }

        for (var move = 0; move < 20 && years > 1; move++)
        {
            var to = random.Next(years - 1);
            var from = random.Next(to + 1, years);
            if (percentages[from] == 0)
            {
                continue;
            }

            var amount = random.Next(1, percentages[from] + 1);
            percentages[to] += amount;
            percentages[from] -= amount;
            if (!percentages.Zip(percentages.Skip(1)).All(pair => pair.First >= pair.Second))
            {
                (percentages[to], percentages[from]) = (percentages[to] - amount, percentages[from] + amount);
            }
        }

        return [.. percentages.Select(p => (decimal)p)];
    }

    private static decimal Cents(Random random) =>
        Math.Clamp((long)Math.Round(Math.Exp(random.NextDouble() * Math.Log(500_000_000.0 / 100.0)) * 100.0), 100L, 500_000_000L) / 100m;

    private static void Describe(AgreementCase[] cases)
    {
        string Share(Func<AgreementCase, bool> predicate) => $"{100.0 * cases.Count(predicate) / cases.Length:0.#} %";
        Console.WriteLine(
            $"Mix: {Share(c => c.AnniversaryYears)} anniversary years, {Share(c => c.Start.DayOfYear != 1)} starting after 1 January, "
            + $"{Share(c => c.Totals.Length == 2)} with two funders, {Share(c => c.Split is SplitSpec.Default)} default split "
            + $"({Share(c => c.Split is SplitSpec.Default { Shape: ScheduleShape.Tapering })} tapering, {Share(c => c.Split is SplitSpec.Default { Shape: ScheduleShape.RampUp })} ramp-up), "
            + $"{Share(c => c.Split is SplitSpec.Percentages)} explicit percentages, {Share(c => c.Split is SplitSpec.Linear)} linear rules, {Share(c => c.Split is SplitSpec.Custom)} custom tables; "
            + $"durations 1–5: {string.Join(" / ", Enumerable.Range(1, 5).Select(d => Share(c => c.DurationYears == d)))}.");
    }

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : "unknown CPU";

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private sealed record AgreementCase(
        int Number, DateOnly Start, int DurationYears, bool AnniversaryYears, decimal[] Totals, decimal AdvancePercent, DateOnly SignedOn, SplitSpec Split)
    {
        public override string ToString() =>
            Invariant($"agreement {Number} ({Start:yyyy-MM-dd}, {DurationYears} years, {(AnniversaryYears ? "anniversary" : "calendar")}, {Split}, totals {string.Join(" + ", Totals)}, advance {AdvancePercent} %)");
    }

    private abstract record SplitSpec
    {
        public sealed record Default(ScheduleShape? Shape) : SplitSpec
        {
            public override string ToString() => $"default split, {Shape?.ToString() ?? "no"} shape";
        }

        public sealed record Percentages(ScheduleShape Shape, decimal[] Values) : SplitSpec
        {
            public override string ToString() => Invariant($"{Shape} percentages {string.Join("/", Values)}");
        }

        public sealed record Linear(ScheduleShape Shape, decimal FirstYearPercent) : SplitSpec
        {
            public override string ToString() => Invariant($"linear {Shape} from {FirstYearPercent} %");
        }

        public sealed record Custom(decimal[][] Amounts) : SplitSpec
        {
            public override string ToString() => Invariant($"custom {string.Join(" + ", Amounts.Select(a => string.Join("/", a)))}");
        }
    }

    private sealed class ScheduleRefusedException(Error error) : Exception($"{error.Code}: {error.Message}");
}
