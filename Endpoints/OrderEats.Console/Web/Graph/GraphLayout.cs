namespace OrderEats.Console.Web.Graph;

/// <summary>A saga graph laid out for drawing: state boxes, edge paths and the boxes their labels occupy.</summary>
public sealed record GraphLayout(double Width, double Height, IReadOnlyList<LaidOutNode> Nodes, IReadOnlyList<LaidOutEdge> Edges);

/// <summary>A state's box; the start state is a small circle.</summary>
public sealed record LaidOutNode(string State, Box Box, bool IsStart, bool IsFinal);

/// <summary>One line of an edge label: a message (or timeout) that makes the transition.</summary>
public sealed record LabelLine(string Text, bool IsTimeout);

/// <summary>The transitions between two states drawn as one arrow (an SVG path) with one label box listing their messages.</summary>
public sealed record LaidOutEdge(string From, string To, string Path, bool AllTimeouts, IReadOnlyList<LabelLine> Lines, Box Label);
