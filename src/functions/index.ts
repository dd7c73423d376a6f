/**
 * The custom functions' entry: every module that declares COMP functions. The webpack plugin
 * appends each module's CustomFunctions.associate calls; scripts/function-sources.js lists the
 * same modules for the metadata generator (a test keeps the two lists equal).
 */
import "./actions";
import "./costing";
import "./equity";
import "./exhibit";
import "./functions";
import "./market";
import "./supplemental";
