<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AnalysisDock</name>
    <message numerus="yes">
        <source>%Ln units are not classified: support and cost figures leave them out</source>
        <translation>
            <numerusform>%Ln unit is not classified: support and cost figures leave them out</numerusform>
            <numerusform>%Ln units are not classified: support and cost figures leave them out</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… (%Ln units)</source>
        <translation>
            <numerusform>… (%Ln unit)</numerusform>
            <numerusform>… (%Ln units)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CanvasMenus</name>
    <message numerus="yes">
        <source>Move %Ln units to %1</source>
        <translation>
            <numerusform>Move %Ln unit to %1</numerusform>
            <numerusform>Move %Ln units to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClassifyDialog</name>
    <message numerus="yes">
        <source>%Ln unit(s) without an office.</source>
        <translation>
            <numerusform>%Ln unit without an office.</numerusform>
            <numerusform>%Ln units without an office.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln suggestion(s) from names: the sure ones are ticked; tick or untick any, then Apply (one undo step).</source>
        <translation>
            <numerusform>%Ln suggestion from names: the sure ones are ticked; tick or untick any, then Apply (one undo step).</numerusform>
            <numerusform>%Ln suggestions from names: the sure ones are ticked; tick or untick any, then Apply (one undo step).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Classify %Ln unit(s)</source>
        <translation>
            <numerusform>Classify %Ln unit</numerusform>
            <numerusform>Classify %Ln units</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClassifyOffer</name>
    <message numerus="yes">
        <source>%Ln imported unit(s) have no office. Suggest offices from their names now?</source>
        <translation>
            <numerusform>%Ln imported unit has no office. Suggest an office from its name now?</numerusform>
            <numerusform>%Ln imported units have no office. Suggest offices from their names now?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CostBars</name>
    <message numerus="yes">
        <source>%Ln more revenue units not shown.</source>
        <translation>
            <numerusform>%Ln more revenue unit not shown.</numerusform>
            <numerusform>%Ln more revenue units not shown.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message numerus="yes">
        <source>Delete %Ln units</source>
        <translation>
            <numerusform>Delete %Ln unit</numerusform>
            <numerusform>Delete %Ln units</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln items</source>
        <translation>
            <numerusform>Delete %Ln item</numerusform>
            <numerusform>Delete %Ln items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>“%1” cannot be opened: %Ln problem(s).</source>
        <translation>
            <numerusform>“%1” cannot be opened: %Ln problem.</numerusform>
            <numerusform>“%1” cannot be opened: %Ln problems.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more (see details)</source>
        <translation>
            <numerusform>… and %Ln more (see details)</numerusform>
            <numerusform>… and %Ln more (see details)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 is supported by %Ln back-office unit(s)</source>
        <translation>
            <numerusform>%1 is supported by %Ln back-office unit</numerusform>
            <numerusform>%1 is supported by %Ln back-office units</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 supports %Ln revenue-generating unit(s); revenue at risk: %2</source>
        <translation>
            <numerusform>%1 supports %Ln revenue-generating unit; revenue at risk: %2</numerusform>
            <numerusform>%1 supports %Ln revenue-generating units; revenue at risk: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MappingDialog</name>
    <message numerus="yes">
        <source>%Ln rows. Check which column holds each field:</source>
        <translation>
            <numerusform>%Ln row. Check which column holds each field:</numerusform>
            <numerusform>%Ln rows. Check which column holds each field:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MoveUnitsCommand</name>
    <message numerus="yes">
        <source>Move %Ln units</source>
        <translation>
            <numerusform>Move %Ln unit</numerusform>
            <numerusform>Move %Ln units</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NameList</name>
    <message numerus="yes">
        <source>… and %Ln more</source>
        <translation>
            <numerusform>… and %Ln more</numerusform>
            <numerusform>… and %Ln more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PriorityMatrix</name>
    <message numerus="yes">
        <source>%Ln units not shown: no cost or no automation potential.</source>
        <translation>
            <numerusform>%Ln unit not shown: no cost or no automation potential.</numerusform>
            <numerusform>%Ln units not shown: no cost or no automation potential.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PropertiesDock</name>
    <message numerus="yes">
        <source>%Ln units selected</source>
        <translation>
            <numerusform>%Ln unit selected</numerusform>
            <numerusform>%Ln units selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln dependencies selected</source>
        <translation>
            <numerusform>%Ln dependency selected</numerusform>
            <numerusform>%Ln dependencies selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln items selected</source>
        <translation>
            <numerusform>%Ln item selected</numerusform>
            <numerusform>%Ln items selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SheetDialog</name>
    <message numerus="yes">
        <source>%1 has %Ln sheets. Which one holds the units?</source>
        <translation>
            <numerusform>%1 has %Ln sheet. Which one holds the units?</numerusform>
            <numerusform>%1 has %Ln sheets. Which one holds the units?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SimulationBanner</name>
    <message numerus="yes">
        <source>Simulation: %Ln unit(s) failed</source>
        <translation>
            <numerusform>Simulation: %Ln unit failed</numerusform>
            <numerusform>Simulation: %Ln units failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln revenue unit(s) down</source>
        <translation>
            <numerusform>%Ln revenue unit down</numerusform>
            <numerusform>%Ln revenue units down</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln saved by an alternative</source>
        <translation>
            <numerusform>%Ln saved by an alternative</numerusform>
            <numerusform>%Ln saved by an alternative</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnitCard</name>
    <message numerus="yes">
        <source>%Ln people</source>
        <translation>
            <numerusform>%Ln person</numerusform>
            <numerusform>%Ln people</numerusform>
        </translation>
    </message>
</context>
</TS>
