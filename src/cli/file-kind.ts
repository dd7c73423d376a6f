/** What a path that is not a regular file is, in words a message can use. */
import type * as fs from "fs";

/** "a folder", "a named pipe (FIFO)", "a device" … for a file that is not a regular one. */
export function fileKind(stat: fs.Stats): string {
  if (stat.isDirectory()) return "a folder";
  if (stat.isFIFO()) return "a named pipe (FIFO)";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "a device";
  if (stat.isSocket()) return "a socket";
  if (stat.isSymbolicLink()) return "a symbolic link";
  return "a special file";
}
