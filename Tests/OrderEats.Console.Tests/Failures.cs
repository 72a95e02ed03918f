using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace OrderEats.Console.Tests;

/// <summary>Real exceptions with real stack traces, thrown from two different places so grouping by first frame can tell them apart.</summary>
public static class Failures
{
    public static Exception Thrown(string message)
    {
        try
        {
            ThrowHere(message);
        }
        catch (InvalidOperationException e)
        {
            return e;
        }

        throw new UnreachableException();
    }

    public static Exception ThrownElsewhere(string message)
    {
        try
        {
            ThrowThere(message);
        }
        catch (InvalidOperationException e)
        {
            return e;
        }

        throw new UnreachableException();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowHere(string message) => throw new InvalidOperationException(message);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowThere(string message) => throw new InvalidOperationException(message);
}
